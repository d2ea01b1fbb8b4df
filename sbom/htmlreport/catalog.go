package htmlreport

import "strings"

// catalogs hold every string the report itself says, per language. The
// keys are identifiers so that the template reads {{$.T.colName}}; the
// template runs with missingkey=error, so a key missing from a catalog
// fails the write (and the tests) instead of printing nothing. Values may
// hold {placeholders}, filled by fill.
//
// Data is never translated: package names, license ids and expressions,
// file paths, copyright statements, the notes of the attribution builder
// and the messages of the policy engine appear as they are.
var catalogs = map[string]map[string]string{
	"en": {
		"title":       "License report: {project}",
		"navSummary":  "Summary",
		"navCharts":   "Charts",
		"navPackages": "Packages",
		"navPolicy":   "Policy",
		"navTexts":    "License texts",

		"sumProject":       "Project",
		"sumDate":          "Date",
		"sumTool":          "Made with",
		"sumPackages":      "Third-party packages",
		"sumFiles":         "Files scanned",
		"sumFilesSBOM":     "not known: the packages come from an SBOM",
		"sumSource":        "Source",
		"sumPolicy":        "Policy verdict",
		"sumPassed":        "passed",
		"sumFailed":        "failed",
		"sumVerdict":       "{verdict} ({errors} errors, {warnings} warnings, {waived} waived)",
		"sumNoPolicy":      "no policy checked",
		"sumDisagreements": "Declared and found licenses differ",
		"sumOwn":           "The project's own packages",
		"sumUnnamed":       "(unnamed project)",

		"chartCategories":      "Packages by license category",
		"chartLicenses":        "Top licenses",
		"chartLicensesNote":    "The license in effect: the one found in the package's files, else the declared one.",
		"chartEcosystems":      "Packages by ecosystem",
		"chartOther":           "other ({n} licenses)",
		"chartNone":            "none",
		"chartEmpty":           "No packages.",
		"chartCategoryLegend":  "{count} ({percent})",
		"chartDescription":     "{label}: {count}",
		"chartDescriptionJoin": "; ",

		"colName":      "Name",
		"colVersion":   "Version",
		"colEcosystem": "Ecosystem",
		"colDeclared":  "Declared",
		"colConcluded": "Found",
		"colCategory":  "Category",
		"colVerdict":   "Verdict",

		"filterText":        "Filter",
		"filterPlaceholder": "name, package URL or license",
		"filterAll":         "All",
		"disagreeOnly":      "Disagreements only",
		"shown":             "{n} of {m} packages shown",
		"disagreeTitle":     "The declared license and the licenses found in the package's files differ",
		"noPackages":        "No third-party packages were found.",

		"vError":   "Error",
		"vWarning": "Warning",
		"vWaived":  "Waived",
		"vPass":    "Pass",
		"vNone":    "Not checked",

		"catPublicDomain":     "Public domain",
		"catPermissive":       "Permissive",
		"catWeakCopyleft":     "Weak copyleft",
		"catStrongCopyleft":   "Strong copyleft",
		"catNetworkCopyleft":  "Network copyleft",
		"catSourceAvailable":  "Source available",
		"catProprietary":      "Proprietary",
		"catUnknown":          "Unknown",
		"categoriesExplained": "A category summarises what a license asks of those who use and redistribute the work; it is not legal advice, and the license text is what binds.",

		"evSummary":      "Evidence (files {files} · copyrights {copyrights} · texts {texts})",
		"evPURL":         "Package URL",
		"evDirectory":    "Package files",
		"evFiles":        "Where each license was found",
		"evLicense":      "License",
		"evFile":         "File",
		"evLines":        "Lines",
		"evNoFiles":      "No license was found in the package's files.",
		"evCopyrights":   "Copyright statements",
		"evNoCopyrights": "No copyright statement was found.",
		"evNotes":        "Notes",
		"evFindings":     "Policy findings",
		"evTexts":        "License texts",
		"evCanonical":    "the canonical text shipped with heng",
		"evOwnText":      "the text of {file}",
		"evSeeText":      "See License texts",
		"evLazyNoScript": "This report is large: to keep it quick to open, each package's evidence is shown by the page's script. Allow JavaScript to see it; the license texts are below.",

		"srcDeclared":  "declared",
		"srcConcluded": "found",

		"polFile":        "Policy file",
		"polNone":        "No policy was checked. Run heng report with --policy to add verdicts.",
		"polNoFindings":  "The policy has nothing to say about these packages.",
		"polGroup":       "{severity} ({n})",
		"polErrors":      "Errors",
		"polWarnings":    "Warnings",
		"polWaived":      "Waived",
		"colPackage":     "Package",
		"colLicense":     "License",
		"colRule":        "Rule",
		"colSource":      "Source",
		"colMessage":     "Message",
		"polExceptions":  "Exceptions",
		"polNoException": "The policy grants no exception.",
		"colPURL":        "Package URL",
		"colLicenses":    "Licenses",
		"colReason":      "Reason",
		"colApprover":    "Approved by",
		"colTicket":      "Ticket",
		"colExpires":     "Expires",
		"colStatus":      "Status",
		"excInForce":     "in force",
		"excExpired":     "expired",
		"excNever":       "never",

		"textsIntro":     "Each distinct license text appears once; the evidence of each package links here.",
		"textCanonical":  "canonical text",
		"textFrom":       "from {file}",
		"textUsedBy":     "Applies to {n} packages",
		"textNone":       "No license text is at hand.",
		"footer":         "Made by {tool}. This report summarises license evidence; it is not legal advice.",
		"footerNoScript": "Sorting and filtering need JavaScript; everything else is readable without it.",
	},
	"zh-CN": {
		"title":       "许可证报告：{project}",
		"navSummary":  "概要",
		"navCharts":   "图表",
		"navPackages": "软件包",
		"navPolicy":   "策略",
		"navTexts":    "许可证文本",

		"sumProject":       "项目",
		"sumDate":          "日期",
		"sumTool":          "生成工具",
		"sumPackages":      "第三方软件包",
		"sumFiles":         "已扫描文件",
		"sumFilesSBOM":     "未知：软件包来自 SBOM",
		"sumSource":        "来源",
		"sumPolicy":        "策略结论",
		"sumPassed":        "通过",
		"sumFailed":        "未通过",
		"sumVerdict":       "{verdict}（错误 {errors} 项，警告 {warnings} 项，豁免 {waived} 项）",
		"sumNoPolicy":      "未检查策略",
		"sumDisagreements": "声明与检测到的许可证不一致",
		"sumOwn":           "项目自身的软件包",
		"sumUnnamed":       "（未命名项目）",

		"chartCategories":      "按许可证类别统计的软件包",
		"chartLicenses":        "最常见的许可证",
		"chartLicensesNote":    "生效的许可证：优先采用在软件包文件中检测到的许可证，否则采用声明的许可证。",
		"chartEcosystems":      "按生态系统统计的软件包",
		"chartOther":           "其他（{n} 种许可证）",
		"chartNone":            "无",
		"chartEmpty":           "没有软件包。",
		"chartCategoryLegend":  "{count}（{percent}）",
		"chartDescription":     "{label}：{count}",
		"chartDescriptionJoin": "；",

		"colName":      "名称",
		"colVersion":   "版本",
		"colEcosystem": "生态系统",
		"colDeclared":  "声明的许可证",
		"colConcluded": "检测到的许可证",
		"colCategory":  "类别",
		"colVerdict":   "结论",

		"filterText":        "筛选",
		"filterPlaceholder": "名称、包 URL 或许可证",
		"filterAll":         "全部",
		"disagreeOnly":      "仅显示不一致项",
		"shown":             "显示 {n} / {m} 个软件包",
		"disagreeTitle":     "声明的许可证与在软件包文件中检测到的许可证不一致",
		"noPackages":        "未发现第三方软件包。",

		"vError":   "错误",
		"vWarning": "警告",
		"vWaived":  "已豁免",
		"vPass":    "通过",
		"vNone":    "未检查",

		"catPublicDomain":     "公有领域",
		"catPermissive":       "宽松型",
		"catWeakCopyleft":     "弱著佐权",
		"catStrongCopyleft":   "强著佐权",
		"catNetworkCopyleft":  "网络著佐权",
		"catSourceAvailable":  "源码可得",
		"catProprietary":      "专有",
		"catUnknown":          "未知",
		"categoriesExplained": "类别概括了许可证对使用和再分发者的要求；它不构成法律意见，具有约束力的是许可证文本本身。",

		"evSummary":      "证据（文件 {files} · 版权声明 {copyrights} · 文本 {texts}）",
		"evPURL":         "包 URL",
		"evDirectory":    "软件包文件位置",
		"evFiles":        "各许可证的发现位置",
		"evLicense":      "许可证",
		"evFile":         "文件",
		"evLines":        "行",
		"evNoFiles":      "在软件包的文件中未发现许可证。",
		"evCopyrights":   "版权声明",
		"evNoCopyrights": "未发现版权声明。",
		"evNotes":        "说明",
		"evFindings":     "策略检查结果",
		"evTexts":        "许可证文本",
		"evCanonical":    "heng 附带的标准文本",
		"evOwnText":      "{file} 中的文本",
		"evSeeText":      "见“许可证文本”",
		"evLazyNoScript": "本报告较大：为了快速打开，各软件包的证据由页面脚本显示。请允许 JavaScript 以查看证据；许可证文本见下文。",

		"srcDeclared":  "声明的",
		"srcConcluded": "检测到的",

		"polFile":        "策略文件",
		"polNone":        "未检查策略。使用 --policy 运行 heng report 可加入结论。",
		"polNoFindings":  "策略对这些软件包没有任何发现。",
		"polGroup":       "{severity}（{n}）",
		"polErrors":      "错误",
		"polWarnings":    "警告",
		"polWaived":      "已豁免",
		"colPackage":     "软件包",
		"colLicense":     "许可证",
		"colRule":        "规则",
		"colSource":      "依据",
		"colMessage":     "信息",
		"polExceptions":  "例外",
		"polNoException": "策略未授予任何例外。",
		"colPURL":        "包 URL",
		"colLicenses":    "许可证",
		"colReason":      "理由",
		"colApprover":    "批准人",
		"colTicket":      "工单",
		"colExpires":     "到期日",
		"colStatus":      "状态",
		"excInForce":     "有效",
		"excExpired":     "已过期",
		"excNever":       "永不过期",

		"textsIntro":     "每份不同的许可证文本只出现一次；各软件包的证据链接到这里。",
		"textCanonical":  "标准文本",
		"textFrom":       "来自 {file}",
		"textUsedBy":     "适用于 {n} 个软件包",
		"textNone":       "没有可用的许可证文本。",
		"footer":         "由 {tool} 生成。本报告汇总许可证证据，不构成法律意见。",
		"footerNoScript": "排序和筛选需要 JavaScript；其余内容无需 JavaScript 即可阅读。",
	},
}

// Langs returns the languages the report is written in, the default
// ("en") first.
func Langs() []string {
	return []string{"en", "zh-CN"}
}

// LangFromEnv picks the report's language from the locale, as POSIX
// programs do: the first of LC_ALL, LC_MESSAGES and LANG that is set
// decides. Chinese locales (zh, zh_CN.UTF-8, zh_SG, and for now also the
// Traditional zh_TW and zh_HK, which get Simplified Chinese until a
// Traditional catalog exists) give "zh-CN"; anything else, including
// "C" and "POSIX", gives "en".
func LangFromEnv(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		lang, _, _ := strings.Cut(v, ".") // zh_CN.UTF-8
		lang, _, _ = strings.Cut(lang, "@")
		lang = strings.ToLower(lang)
		if lang == "zh" || strings.HasPrefix(lang, "zh_") || strings.HasPrefix(lang, "zh-") {
			return "zh-CN"
		}
		return "en"
	}
	return "en"
}

// fill replaces each {name} in s with the value following name in kv, in
// one pass: a value that itself holds "{name}" (a file path can) stays as
// it is.
func fill(s string, kv ...string) string {
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
