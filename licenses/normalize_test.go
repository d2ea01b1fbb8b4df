package licenses

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// normalizeTests are declared licenses as package manifests write them.
// want is the expression; unknown marks results that are not Known.
var normalizeTests = []struct {
	name, in, want string
	unknown        bool
}{
	// SPDX ids and expressions
	{"id", "MIT", "MIT", false},
	{"id lower case", "mit", "MIT", false},
	{"id upper case", "APACHE-2.0", "Apache-2.0", false},
	{"id mixed case", "bsd-3-clause", "BSD-3-Clause", false},
	{"id 0BSD", "0bsd", "0BSD", false},
	{"id new in 3.28", "SUL-1.0", "SUL-1.0", false},
	{"id MulanPSL", "mulanpsl-2.0", "MulanPSL-2.0", false},
	{"expression parenthesized", "(MIT OR Apache-2.0)", "MIT OR Apache-2.0", false},
	{"expression and", "MIT AND BSD-3-Clause", "MIT AND BSD-3-Clause", false},
	{"expression with", "Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception", false},
	{"expression lower-case operators", "mit or apache-2.0", "MIT OR Apache-2.0", false},
	{"expression nested", "(MIT OR Apache-2.0) AND BSD-2-Clause", "(MIT OR Apache-2.0) AND BSD-2-Clause", false},
	{"expression precedence", "MIT AND Apache-2.0 OR BSD-2-Clause", "(MIT AND Apache-2.0) OR BSD-2-Clause", false},
	{"expression duplicate", "MIT OR MIT", "MIT", false},
	{"expression flattened", "MIT OR (Apache-2.0 OR ISC)", "MIT OR Apache-2.0 OR ISC", false},
	{"expression with classpath", "GPL-2.0-only WITH Classpath-exception-2.0", "GPL-2.0-only WITH Classpath-exception-2.0", false},
	{"expression exception case", "gpl-2.0-or-later with classpath-exception-2.0", "GPL-2.0-or-later WITH Classpath-exception-2.0", false},
	{"expression LicenseRef", "LicenseRef-Acme-EULA", "LicenseRef-Acme-EULA", true},
	{"expression LicenseRef and id", "MIT AND LicenseRef-foo", "MIT AND LicenseRef-foo", true},
	{"expression DocumentRef", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", true},
	{"expression Mulan ref", "licenseref-mulanpubl-2.0", "LicenseRef-MulanPubL-2.0", false},
	{"plus on permissive id", "Apache-2.0+", "Apache-2.0+", false},
	{"plus on -only", "GPL-2.0-only+", "GPL-2.0-or-later", false},
	// Deprecated ids
	{"deprecated GPL-2.0+", "GPL-2.0+", "GPL-2.0-or-later", false},
	{"deprecated GPL-2.0", "GPL-2.0", "GPL-2.0-only", false},
	{"deprecated GPL-3.0", "GPL-3.0", "GPL-3.0-only", false},
	{"deprecated GPL-3.0+", "GPL-3.0+", "GPL-3.0-or-later", false},
	{"deprecated LGPL-2.1", "LGPL-2.1", "LGPL-2.1-only", false},
	{"deprecated LGPL-2.1+", "LGPL-2.1+", "LGPL-2.1-or-later", false},
	{"deprecated LGPL-3.0", "LGPL-3.0", "LGPL-3.0-only", false},
	{"deprecated AGPL-3.0", "AGPL-3.0", "AGPL-3.0-only", false},
	{"deprecated GFDL-1.3", "GFDL-1.3", "GFDL-1.3-only", false},
	{"deprecated with exception", "GPL-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0", false},
	{"deprecated GCC exception", "GPL-3.0-with-GCC-exception", "GPL-3.0-only WITH GCC-exception-3.1", false},
	{"deprecated wxWindows", "wxWindows", "LGPL-2.0-or-later WITH WxWindows-exception-3.1", false},
	{"deprecated StandardML-NJ", "StandardML-NJ", "SMLNJ", false},
	{"deprecated in expression", "GPL-2.0 AND LGPL-2.1", "GPL-2.0-only AND LGPL-2.1-only", false},
	{"deprecated Net-SNMP kept", "Net-SNMP", "Net-SNMP", false},
	// Apache
	{"Apache 2", "Apache 2", "Apache-2.0", false},
	{"Apache-2", "Apache-2", "Apache-2.0", false},
	{"Apache 2.0", "Apache 2.0", "Apache-2.0", false},
	{"Apache2", "Apache2", "Apache-2.0", false},
	{"Apache License 2.0", "Apache License 2.0", "Apache-2.0", false},
	{"Apache License, Version 2.0", "Apache License, Version 2.0", "Apache-2.0", false},
	{"Apache Software License 2.0", "The Apache Software License, Version 2.0", "Apache-2.0", false},
	{"Apache License v2.0", "Apache License v2.0", "Apache-2.0", false},
	{"ASL 2.0", "ASL 2.0", "Apache-2.0", false},
	{"ALv2", "ALv2", "Apache-2.0", false},
	{"Apache 1.1", "Apache License 1.1", "Apache-1.1", false},
	{"Apache unversioned", "Apache License", "LicenseRef-heng-unknown-apache", true},
	{"Apache 2.0 License", "Apache 2.0 License", "Apache-2.0", false},
	// MIT
	{"MIT License", "MIT License", "MIT", false},
	{"The MIT License", "The MIT License", "MIT", false},
	{"MIT License (MIT)", "The MIT License (MIT)", "MIT", false},
	{"MIT licensed", "MIT licensed", "MIT", false},
	{"MIT/X11", "MIT/X11", "MIT", false},
	{"X11", "X11", "X11", false},
	{"Expat", "Expat", "MIT", false},
	{"MIT No Attribution", "MIT No Attribution", "MIT-0", false},
	{"MIT-style", "MIT-style", "LicenseRef-heng-unknown-mit-style", true},
	// BSD
	{"BSD", "BSD", "LicenseRef-heng-unknown-bsd", true},
	{"BSD License", "BSD License", "LicenseRef-heng-unknown-bsd", true},
	{"BSD-style", "BSD-style license", "LicenseRef-heng-unknown-bsd", true},
	{"New BSD", "New BSD License", "BSD-3-Clause", false},
	{"Modified BSD", "Modified BSD License", "BSD-3-Clause", false},
	{"Revised BSD", "Revised BSD", "BSD-3-Clause", false},
	{"Simplified BSD", "Simplified BSD License", "BSD-2-Clause", false},
	{"FreeBSD", "FreeBSD License", "BSD-2-Clause", false},
	{"3-clause BSD", "3-clause BSD", "BSD-3-Clause", false},
	{"BSD 3-Clause", "BSD 3-Clause", "BSD-3-Clause", false},
	{"BSD 3-Clause License", "BSD 3-Clause License", "BSD-3-Clause", false},
	{"BSD-3", "BSD-3", "BSD-3-Clause", false},
	{"2-clause BSD", "2-clause BSD License", "BSD-2-Clause", false},
	{"BSD 2-Clause", "BSD 2-Clause", "BSD-2-Clause", false},
	{"BSD 4-Clause", "BSD 4-Clause", "BSD-4-Clause", false},
	{"SPDX BSD-3 name", `BSD 3-Clause "New" or "Revised" License`, "BSD-3-Clause", false},
	{"EDL", "Eclipse Distribution License - v 1.0", "BSD-3-Clause", false},
	{"Zero-Clause BSD", "Zero-Clause BSD", "0BSD", false},
	// GNU
	{"GPLv2", "GPLv2", "GPL-2.0-only", false},
	{"GPL v2", "GPL v2", "GPL-2.0-only", false},
	{"GPL-2", "GPL-2", "GPL-2.0-only", false},
	{"GPL2", "GPL2", "GPL-2.0-only", false},
	{"GPLv3", "GPLv3", "GPL-3.0-only", false},
	{"GPLv3+", "GPLv3+", "GPL-3.0-or-later", false},
	{"GPL-3+", "GPL-3+", "GPL-3.0-or-later", false},
	{"GPL v2 or later", "GPL v2 or later", "GPL-2.0-or-later", false},
	{"GPL version 2 or any later", "GPL version 2 or (at your option) any later version", "GPL-2.0-or-later", false},
	{"GNU GPL v3", "GNU GPL v3", "GPL-3.0-only", false},
	{"GNU GPLv3 or later", "GNU GPLv3 or later", "GPL-3.0-or-later", false},
	{"GNU General Public License v3 (GPLv3)", "GNU General Public License v3 (GPLv3)", "GPL-3.0-only", false},
	{"GNU General Public License, version 2", "GNU General Public License, version 2", "GPL-2.0-only", false},
	{"GNU General Public License v2.0 or later", "GNU General Public License v2.0 or later", "GPL-2.0-or-later", false},
	{"GPL bare", "GPL", "GPL-1.0-or-later", false},
	{"GNU GPL bare", "GNU General Public License", "GPL-1.0-or-later", false},
	{"LGPLv2.1+", "LGPLv2.1+", "LGPL-2.1-or-later", false},
	{"LGPL v2.1", "LGPL v2.1", "LGPL-2.1-only", false},
	{"LGPLv3", "LGPLv3", "LGPL-3.0-only", false},
	{"LGPL bare", "LGPL", "LGPL-2.0-or-later", false},
	{"GNU LGPL 3", "GNU LGPL 3", "LGPL-3.0-only", false},
	{"GNU Lesser General Public License v2.1 or later", "GNU Lesser General Public License v2.1 or later", "LGPL-2.1-or-later", false},
	{"GNU Library General Public License v2", "GNU Library General Public License v2", "LGPL-2.0-only", false},
	{"AGPLv3", "AGPLv3", "AGPL-3.0-only", false},
	{"AGPLv3+", "AGPLv3+", "AGPL-3.0-or-later", false},
	{"AGPL bare", "AGPL", "AGPL-3.0-or-later", false},
	{"GNU Affero GPL v3", "GNU Affero General Public License v3.0", "AGPL-3.0-only", false},
	{"GFDL 1.3", "GNU Free Documentation License v1.3", "GFDL-1.3-only", false},
	{"GPL with classpath exception", "GPLv2 with Classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0", false},
	{"GPL w/ CPE", "GPL2 w/ CPE", "GPL-2.0-only WITH Classpath-exception-2.0", false},
	{"Maven classpath exception name", "GNU General Public License, version 2 (GPL2), with the classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0", false},
	// Mozilla, Eclipse, CDDL and other weak copyleft
	{"MPL 2.0", "MPL 2.0", "MPL-2.0", false},
	{"MPL-2", "MPL-2", "MPL-2.0", false},
	{"MPLv2", "MPLv2", "MPL-2.0", false},
	{"Mozilla Public License 2.0", "Mozilla Public License 2.0", "MPL-2.0", false},
	{"Mozilla Public License, Version 2.0", "Mozilla Public License, Version 2.0", "MPL-2.0", false},
	{"MPL 1.1", "MPL 1.1", "MPL-1.1", false},
	{"MPL bare", "MPL", "LicenseRef-heng-unknown-mpl", true},
	{"EPL-1.0", "EPL-1.0", "EPL-1.0", false},
	{"EPL 2.0", "EPL 2.0", "EPL-2.0", false},
	{"Eclipse Public License 1.0", "Eclipse Public License 1.0", "EPL-1.0", false},
	{"Eclipse Public License - v 1.0", "Eclipse Public License - v 1.0", "EPL-1.0", false},
	{"Eclipse Public License v2.0", "Eclipse Public License v2.0", "EPL-2.0", false},
	{"CDDL bare", "CDDL", "LicenseRef-heng-unknown-cddl", true},
	{"CDDL 1.0", "CDDL 1.0", "CDDL-1.0", false},
	{"CDDL name", "Common Development and Distribution License 1.1", "CDDL-1.1", false},
	{"CDDL+GPL", "CDDL+GPL License", "CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0", false},
	{"EUPL 1.2", "EUPL 1.2", "EUPL-1.2", false},
	{"European Union Public Licence 1.2", "European Union Public Licence v. 1.2", "EUPL-1.2", false},
	{"CPL", "Common Public License Version 1.0", "CPL-1.0", false},
	{"MS-PL", "Microsoft Public License", "MS-PL", false},
	// Other permissive and public domain
	{"ISC License", "ISC License", "ISC", false},
	{"ISCL", "ISC License (ISCL)", "ISC", false},
	{"zlib/libpng", "zlib/libpng", "Zlib", false},
	{"zlib License", "zlib License", "Zlib", false},
	{"PSF", "PSF", "PSF-2.0", false},
	{"PSF-2.0", "PSF-2.0", "PSF-2.0", false},
	{"Python Software Foundation License", "Python Software Foundation License", "PSF-2.0", false},
	{"Unlicense", "Unlicense", "Unlicense", false},
	{"The Unlicense", "The Unlicense", "Unlicense", false},
	{"Public Domain", "Public Domain", "LicenseRef-heng-public-domain", false},
	{"public domain lower", "public domain", "LicenseRef-heng-public-domain", false},
	{"WTFPL", "WTFPL", "WTFPL", false},
	{"CC0", "CC0", "CC0-1.0", false},
	{"CC0 1.0", "CC0 1.0 Universal", "CC0-1.0", false},
	{"CC-0", "CC-0", "CC0-1.0", false},
	{"CC BY 4.0", "CC BY 4.0", "CC-BY-4.0", false},
	{"CC-BY-4.0 lower", "cc-by-4.0", "CC-BY-4.0", false},
	{"CC BY-SA 4.0", "CC BY-SA 4.0", "CC-BY-SA-4.0", false},
	{"CC BY-NC-SA 4.0", "CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0", false},
	{"Creative Commons Attribution 4.0 International", "Creative Commons Attribution 4.0 International", "CC-BY-4.0", false},
	{"Creative Commons Attribution-ShareAlike 3.0", "Creative Commons Attribution-ShareAlike 3.0 Unported", "CC-BY-SA-3.0", false},
	{"CC-BY unversioned", "CC-BY", "LicenseRef-heng-unknown-cc-by", true},
	{"Artistic-2.0", "Artistic-2.0", "Artistic-2.0", false},
	{"Artistic License 2.0", "Artistic License 2.0", "Artistic-2.0", false},
	{"Artistic bare", "Artistic License", "LicenseRef-heng-unknown-artistic", true},
	{"Perl 5 terms", "perl_5", "Artistic-1.0-Perl OR GPL-1.0-or-later", false},
	{"Ruby", "Ruby", "Ruby", false},
	{"BSL-1.0", "BSL-1.0", "BSL-1.0", false},
	{"Boost Software License", "Boost Software License", "BSL-1.0", false},
	{"Boost Software License 1.0", "Boost Software License - Version 1.0", "BSL-1.0", false},
	{"BSL 1.1 is Business Source", "BSL 1.1", "BUSL-1.1", false},
	{"BSL bare", "BSL", "LicenseRef-heng-unknown-bsl", true},
	{"Business Source License 1.1", "Business Source License 1.1", "BUSL-1.1", false},
	{"UPL", "Universal Permissive License v1.0", "UPL-1.0", false},
	{"SIL OFL 1.1", "SIL Open Font License 1.1", "OFL-1.1", false},
	{"OFL 1.1", "OFL-1.1", "OFL-1.1", false},
	{"JSON License", "JSON License", "JSON", false},
	{"Bouncy Castle", "Bouncy Castle Licence", "MIT", false},
	{"Elastic License 2.0", "Elastic License 2.0", "Elastic-2.0", false},
	{"SSPL", "Server Side Public License, v 1", "SSPL-1.0", false},
	{"PostgreSQL", "PostgreSQL License", "PostgreSQL", false},
	{"W3C", "W3C License", "W3C", false},
	{"NCSA", "University of Illinois/NCSA Open Source License", "NCSA", false},
	{"Unicode-3.0", "Unicode License v3", "Unicode-3.0", false},
	// npm specifics
	{"UNLICENSED", "UNLICENSED", "LicenseRef-heng-proprietary", false},
	{"unlicensed lower", "unlicensed", "LicenseRef-heng-proprietary", false},
	{"Proprietary", "Proprietary", "LicenseRef-heng-proprietary", false},
	{"Commercial", "Commercial", "LicenseRef-heng-proprietary", false},
	{"All rights reserved", "All rights reserved", "LicenseRef-heng-proprietary", false},
	{"SEE LICENSE IN LICENSE.md", "SEE LICENSE IN LICENSE.md", "LicenseRef-heng-see-file-LICENSE.md", true},
	{"SEE LICENSE IN LICENSE", "SEE LICENSE IN LICENSE", "LicenseRef-heng-see-file-LICENSE", true},
	{"see license in path", "SEE LICENSE IN ./docs/EULA.txt", "LicenseRef-heng-see-file-docs-EULA.txt", true},
	{"see LICENSE file", "See LICENSE file", "LicenseRef-heng-see-file-LICENSE", true},
	// Mulan
	{"Mulan PSL v2", "Mulan PSL v2", "MulanPSL-2.0", false},
	{"MulanPSL2", "MulanPSL2", "MulanPSL-2.0", false},
	{"MulanPSL-2.0", "MulanPSL-2.0", "MulanPSL-2.0", false},
	{"MulanPSL v1", "Mulan PSL v1", "MulanPSL-1.0", false},
	{"Mulan PSL full-width comma", "Mulan Permissive Software License，Version 2", "MulanPSL-2.0", false},
	{"Mulan PSL name", "Mulan Permissive Software License, Version 2", "MulanPSL-2.0", false},
	{"Mulan PSL name v2", "Mulan Permissive Software License v2", "MulanPSL-2.0", false},
	{"Mulan PSL zh comma", "木兰宽松许可证, 第2版", "MulanPSL-2.0", false},
	{"Mulan PSL zh full-width comma", "木兰宽松许可证，第2版", "MulanPSL-2.0", false},
	{"Mulan PSL zh no comma", "木兰宽松许可证第2版", "MulanPSL-2.0", false},
	{"Mulan PSL zh numeral", "木兰宽松许可证 第二版", "MulanPSL-2.0", false},
	{"Mulan PSL zh v2", "木兰宽松许可证 v2", "MulanPSL-2.0", false},
	{"Mulan PSL zh v1", "木兰宽松许可证，第1版", "MulanPSL-1.0", false},
	{"Mulan PSL unversioned", "MulanPSL", "LicenseRef-heng-unknown-mulanpsl", true},
	{"Mulan PubL zh", "木兰公共许可证，第2版", "LicenseRef-MulanPubL-2.0", false},
	{"Mulan PubL v2", "Mulan PubL v2", "LicenseRef-MulanPubL-2.0", false},
	{"Mulan PubL v1", "MulanPubL-1.0", "LicenseRef-MulanPubL-1.0", false},
	{"Mulan Public License", "Mulan Public License, Version 2", "LicenseRef-MulanPubL-2.0", false},
	{"MulanOWL BY v1", "MulanOWL BY v1", "LicenseRef-MulanOWL-BY-1.0", false},
	{"MulanOWL BY-SA v1", "MulanOWL BY-SA v1", "LicenseRef-MulanOWL-BY-SA-1.0", false},
	{"MulanOWL zh", "木兰开放作品许可协议 署名，第1版", "LicenseRef-MulanOWL-BY-1.0", false},
	{"MulanOWL BY-SA zh", "木兰开放作品许可协议 署名-相同方式共享，第1版", "LicenseRef-MulanOWL-BY-SA-1.0", false},
	{"MulanOWL BY-PL", "Mulan Open Works License Attribution-PatentLicensed, Version 1", "LicenseRef-MulanOWL-BY-PL-1.0", false},
	{"Mulan expression", "MulanPSL-2.0 OR Apache-2.0", "MulanPSL-2.0 OR Apache-2.0", false},
	// URLs
	{"URL OSI MIT", "opensource.org/licenses/MIT", "MIT", false},
	{"URL OSI new style", "https://opensource.org/license/mit/", "MIT", false},
	{"URL OSI old style", "http://www.opensource.org/licenses/mit-license.php", "MIT", false},
	{"URL OSI Apache", "https://opensource.org/licenses/Apache-2.0", "Apache-2.0", false},
	{"URL OSI BSD-3", "https://opensource.org/licenses/BSD-3-Clause", "BSD-3-Clause", false},
	{"URL Apache txt", "www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0", false},
	{"URL Apache html", "http://www.apache.org/licenses/LICENSE-2.0.html", "Apache-2.0", false},
	{"URL Apache plain", "https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0", false},
	{"URL GPL-3", "https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-only", false},
	{"URL GPL-2 old", "gnu.org/licenses/old-licenses/gpl-2.0.html", "GPL-2.0-only", false},
	{"URL LGPL-2.1 old", "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.en.html", "LGPL-2.1-only", false},
	{"URL GPL translated page", "https://www.gnu.org/licenses/gpl-3.0.zh-cn.html", "GPL-3.0-only", false},
	{"URL LGPL", "http://www.gnu.org/licenses/lgpl.html", "LGPL-3.0-only", false},
	{"URL AGPL", "https://www.gnu.org/licenses/agpl-3.0.html", "AGPL-3.0-only", false},
	{"URL copyleft lesser", "http://www.gnu.org/copyleft/lesser.html", "LGPL-3.0-only", false},
	{"URL SPDX", "https://spdx.org/licenses/MIT.html", "MIT", false},
	{"URL SPDX json", "https://spdx.org/licenses/Apache-2.0.json", "Apache-2.0", false},
	{"URL CC0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0", false},
	{"URL CC BY", "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0", false},
	{"URL CC BY-SA legalcode", "https://creativecommons.org/licenses/by-sa/4.0/legalcode", "CC-BY-SA-4.0", false},
	{"URL CC BY 3.0 US", "http://creativecommons.org/licenses/by/3.0/us/", "CC-BY-3.0-US", false},
	{"URL Mulan PSL2", "license.coscl.org.cn/MulanPSL2", "MulanPSL-2.0", false},
	{"URL Mulan PSL2 https", "https://license.coscl.org.cn/MulanPSL2/", "MulanPSL-2.0", false},
	{"URL Mulan PSL1", "http://license.coscl.org.cn/MulanPSL", "MulanPSL-1.0", false},
	{"URL Mulan PubL", "http://license.coscl.org.cn/MulanPubL-2.0", "LicenseRef-MulanPubL-2.0", false},
	{"URL Mulan OWL", "http://license.coscl.org.cn/MulanOWLBYv1", "LicenseRef-MulanOWL-BY-1.0", false},
	{"URL MPL", "https://www.mozilla.org/en-US/MPL/2.0/", "MPL-2.0", false},
	{"URL EPL", "http://www.eclipse.org/legal/epl-v10.html", "EPL-1.0", false},
	{"URL EPL 2", "https://www.eclipse.org/legal/epl-2.0/", "EPL-2.0", false},
	{"URL EDL", "http://www.eclipse.org/org/documents/edl-v10.php", "BSD-3-Clause", false},
	{"URL Boost", "http://www.boost.org/LICENSE_1_0.txt", "BSL-1.0", false},
	{"URL Unlicense", "https://unlicense.org/", "Unlicense", false},
	{"URL choosealicense", "https://choosealicense.com/licenses/mit/", "MIT", false},
	{"URL unknown", "https://github.com/acme/widget/blob/main/LICENSE", "LicenseRef-heng-unknown-github.com-acme-widget-blob-main-license", true},
	// PyPI trove classifiers
	{"trove MIT", "License :: OSI Approved :: MIT License", "MIT", false},
	{"trove Apache", "License :: OSI Approved :: Apache Software License", "LicenseRef-heng-unknown-apache", true},
	{"trove BSD", "License :: OSI Approved :: BSD License", "LicenseRef-heng-unknown-bsd", true},
	{"trove GPLv3+", "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later", false},
	{"trove GPLv2", "License :: OSI Approved :: GNU General Public License v2 (GPLv2)", "GPL-2.0-only", false},
	{"trove LGPL", "License :: OSI Approved :: GNU Library or Lesser General Public License (LGPL)", "LGPL-2.0-or-later", false},
	{"trove MPL 2", "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0", false},
	{"trove MulanPSL", "License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)", "MulanPSL-2.0", false},
	{"trove PSF", "License :: OSI Approved :: Python Software Foundation License", "PSF-2.0", false},
	{"trove ISC", "License :: OSI Approved :: ISC License (ISCL)", "ISC", false},
	{"trove public domain", "License :: Public Domain", "LicenseRef-heng-public-domain", false},
	{"trove proprietary", "License :: Other/Proprietary License", "LicenseRef-heng-proprietary", false},
	{"trove CC0", "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0", false},
	{"trove spacing", "License::OSI Approved::MIT License", "MIT", false},
	{"trove unlisted", "License :: OSI Approved :: Some Future License 9.0", "LicenseRef-heng-unknown-license-osi-approved-some-future-license-9.0", true},
	// Loose combinations
	{"slash", "MIT/Apache-2.0", "MIT OR Apache-2.0", false},
	{"slash spaced", "Apache-2.0 / MIT", "Apache-2.0 OR MIT", false},
	{"or words", "MIT or Apache 2.0", "MIT OR Apache-2.0", false},
	{"pipe", "MIT | Apache-2.0", "MIT OR Apache-2.0", false},
	{"comma is AND", "BSD-3-Clause, MIT", "BSD-3-Clause AND MIT", false},
	{"semicolon is AND", "MIT; Apache-2.0", "MIT AND Apache-2.0", false},
	{"ampersand is AND", "MIT & ISC", "MIT AND ISC", false},
	{"and words", "mit and apache 2", "MIT AND Apache-2.0", false},
	{"names with or", "MIT or GPL v2 or later", "MIT OR GPL-2.0-or-later", false},
	{"comma inside a name", "Apache License, Version 2.0, MIT", "Apache-2.0 AND MIT", false},
	{"dual licensed", "Dual licensed under MIT and GPL", "MIT OR GPL-1.0-or-later", false},
	{"dual license names", "Dual-licensed under the MIT and Apache 2.0 licenses", "MIT OR Apache-2.0", false},
	{"either or", "either MIT or Apache-2.0", "MIT OR Apache-2.0", false},
	{"loose parens", "(MIT or Apache 2.0) and BSD", "(MIT OR Apache-2.0) AND LicenseRef-heng-unknown-bsd", true},
	{"Cargo old style", "MIT/Apache-2.0/BSL-1.0", "MIT OR Apache-2.0 OR BSL-1.0", false},
	{"ids slash", "gpl-2.0/lgpl-2.1", "GPL-2.0-only OR LGPL-2.1-only", false},
	{"loose with unknown part", "MIT or Foo Public License", "MIT OR LicenseRef-heng-unknown-foo-public-license", true},
	{"loose Apache with LLVM", "Apache License 2.0 with LLVM exceptions", "Apache-2.0 WITH LLVM-exception", false},
	// Decoration
	{"whitespace", "  MIT \n", "MIT", false},
	{"double quotes", `"MIT"`, "MIT", false},
	{"single quotes", "'Apache-2.0'", "Apache-2.0", false},
	{"brackets", "[MIT]", "MIT", false},
	{"trailing dot", "MIT License.", "MIT", false},
	{"label", "License: MIT", "MIT", false},
	{"SPDX tag", "SPDX-License-Identifier: Apache-2.0 OR MIT", "Apache-2.0 OR MIT", false},
	{"licensed under", "Licensed under the Apache License, Version 2.0", "Apache-2.0", false},
	{"released under", "Released under the MIT license", "MIT", false},
	{"copyright after", "MIT (c) 2020 Jane Doe", "MIT", false},
	{"copyright before", "Copyright (c) 2020 Jane Doe. MIT License", "MIT", false},
	{"copyright sign", "© 2021 ACME Corp; Apache 2.0", "Apache-2.0", false},
	{"trailing note", "MIT (see LICENSE file)", "MIT", false},
	// Unknown
	{"empty", "", "LicenseRef-heng-unknown-empty", true},
	{"blank", "   ", "LicenseRef-heng-unknown-empty", true},
	{"unknown words", "Foo License", "LicenseRef-heng-unknown-foo-license", true},
	{"unknown id-like", "Foo-1.0", "LicenseRef-heng-unknown-foo-1.0", true},
	{"unknown chinese", "某某许可证", "LicenseRef-heng-unknown-3b1f4f2d", true},
	{"unknown long", strings.Repeat("very long custom terms ", 5), "LicenseRef-heng-unknown-very-long-custom-terms-very-long-custom-terms-ve-00000000", true},
	{"custom", "Custom", "LicenseRef-heng-unknown-custom", true},
	{"other", "Other", "LicenseRef-heng-unknown-other", true},
	{"npm license object leftover", "[object Object]", "LicenseRef-heng-unknown-object-object", true},
}

func TestNormalize(t *testing.T) {
	if len(normalizeTests) < 150 {
		t.Errorf("%d cases, want at least 150", len(normalizeTests))
	}
	names := map[string]bool{}
	for _, tc := range normalizeTests {
		if names[tc.name] {
			t.Errorf("duplicate case name %q", tc.name)
		}
		names[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			got := Normalize(tc.in)
			want := Normalized{Expression: tc.want, Raw: tc.in, Known: !tc.unknown}
			if strings.HasPrefix(tc.want, unknownRefPrefix) && strings.HasSuffix(tc.name, "chinese") || strings.HasPrefix(tc.name, "unknown long") {
				// Hashed slugs: check the shape, not the hash.
				if !strings.HasPrefix(got.Expression, tc.want[:strings.LastIndexByte(tc.want, '-')+1]) {
					t.Errorf("Normalize(%q) = %q, want %q (up to the hash)", tc.in, got.Expression, tc.want)
				}
				want.Expression = got.Expression
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("Normalize(%q) (-want +got):\n%s", tc.in, d)
			}
			checkExpression(t, got.Expression)
			if again := Normalize(got.Expression); again.Expression != got.Expression || again.Known != got.Known {
				t.Errorf("Normalize(%q) = %+v, not a fixed point", got.Expression, again)
			}
		})
	}
}

var goSPDXUnknown = regexp.MustCompile(`unknown license '([^']+)'`)

// checkExpression checks that expr is a valid SPDX expression in heng's
// canonical form, and that CanonicalExpression (go-spdx) agrees; go-spdx
// v2.3.3 predates SPDX 3.28.0 and lacks some of its ids, which are
// accepted when heng knows them.
func checkExpression(t *testing.T, expr string) {
	t.Helper()
	n, err := loadNormalizer().strict(expr)
	if err != nil {
		t.Errorf("%q is not a valid SPDX expression: %v", expr, err)
		return
	}
	if r := n.render(); r != expr {
		t.Errorf("%q is not canonical: %q", expr, r)
	}
	canon, _, err := CanonicalExpression(expr)
	if err != nil {
		if m := goSPDXUnknown.FindStringSubmatch(err.Error()); m != nil {
			if info, ok := Lookup(m[1]); ok && info.Source == "spdx" && !info.Exception {
				return
			}
		}
		t.Errorf("CanonicalExpression(%q): %v", expr, err)
		return
	}
	if canon != expr {
		t.Errorf("CanonicalExpression(%q) = %q", expr, canon)
	}
}

// TestNormalizeCanonicalIsFixedPoint: every current SPDX id, and
// canonical expressions, normalize to themselves.
func TestNormalizeCanonicalIsFixedPoint(t *testing.T) {
	var exprs []string
	for _, info := range All() {
		if info.Exception || info.Deprecated {
			continue
		}
		exprs = append(exprs, info.ID)
	}
	exprs = append(exprs,
		"MIT OR Apache-2.0",
		"(MIT OR Apache-2.0) AND BSD-3-Clause",
		"MIT OR (Apache-2.0 AND BSD-3-Clause)",
		"GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT",
		"Apache-2.0 WITH LLVM-exception",
		"LicenseRef-heng-unknown-bsd AND MIT",
		"LicenseRef-MulanPubL-2.0 OR (GPL-3.0-only AND LicenseRef-heng-see-file-COPYING)",
		"Apache-2.0+",
		"DocumentRef-x:LicenseRef-y",
	)
	for _, e := range exprs {
		if got := Normalize(e); got.Expression != e {
			t.Errorf("Normalize(%q).Expression = %q, want itself", e, got.Expression)
		}
		checkExpression(t, e)
	}
}

// TestNormalizeSPDXNames: the SPDX name of a license finds it.
func TestNormalizeSPDXNames(t *testing.T) {
	nz := loadNormalizer()
	missed := 0
	for _, info := range All() {
		if info.Exception || info.Name == "" {
			continue
		}
		want := info.ID
		if info.Replacement != "" {
			want = info.Replacement
		}
		got := Normalize(info.Name)
		if got.Expression == want {
			continue
		}
		// Names two licenses share (SPDX gives a few ids the same name)
		// are ambiguous and left unmapped.
		if _, ok := nz.names[nameKey(info.Name)]; !ok && strings.HasPrefix(got.Expression, unknownRefPrefix) {
			t.Logf("ambiguous name %q (%s) -> %s", info.Name, info.ID, got.Expression)
			continue
		}
		missed++
		t.Errorf("Normalize(%q) = %s, want %s", info.Name, got.Expression, want)
	}
	if missed > 0 {
		t.Errorf("%d names missed", missed)
	}
}

func TestNormalizeTroveClassifiers(t *testing.T) {
	if len(troveClassifiers) < 80 {
		t.Errorf("%d classifiers, want at least 80", len(troveClassifiers))
	}
	for c, want := range troveClassifiers {
		got := Normalize(c)
		if got.Expression != want {
			t.Errorf("Normalize(%q) = %s, want %s", c, got.Expression, want)
		}
		checkExpression(t, got.Expression)
	}
}

func TestNormalizeAliasesValid(t *testing.T) {
	nz := loadNormalizer()
	for _, table := range []map[string]string{nameAliases, urlAliases, cosclLicenses} {
		for k, expr := range table {
			if _, err := nz.strict(expr); err != nil {
				t.Errorf("alias %q -> %q: %v", k, expr, err)
			}
			checkExpression(t, expr)
		}
	}
	for k, exc := range exceptionAliases {
		if info, ok := Lookup(exc); !ok || !info.Exception || info.ID != exc {
			t.Errorf("exception alias %q -> %q: not an exception id", k, exc)
		}
	}
}

func TestNormalizeUnknownSlugStable(t *testing.T) {
	a, b := Normalize("某某许可证"), Normalize("某某许可证")
	c := Normalize("另一个许可证")
	if a.Expression != b.Expression || a.Expression == c.Expression {
		t.Errorf("slugs of non-ASCII text: %q, %q, %q", a.Expression, b.Expression, c.Expression)
	}
	long := Normalize(strings.Repeat("x", 2000))
	checkExpression(t, long.Expression)
	if long.Known || len(long.Expression) > 100 {
		t.Errorf("Normalize(2000 x) = %+v", long)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range normalizeTests {
		f.Add(tc.in)
	}
	for _, s := range []string{"((", "))", "MIT WITH", "WITH MIT", "AND", "MIT AND", "( MIT", "LicenseRef-", "MIT+ +", "GPL-2.0-with-classpath-exception WITH LLVM-exception", "\xff\xfe", "/ / /", ", ,", "License ::", "SEE LICENSE IN", "dual licensed under", "MIT (c)", "\x00MIT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if got.Raw != s {
			t.Fatalf("Raw = %q, want %q", got.Raw, s)
		}
		checkExpression(t, got.Expression)
		if again := Normalize(got.Expression); again.Expression != got.Expression || again.Known != got.Known {
			t.Fatalf("Normalize(%q) = %+v; Normalize of that = %+v", s, got, again)
		}
	})
}

// BenchmarkNormalizerBuild measures building Normalize's tables, which
// the first call to Normalize pays once.
func BenchmarkNormalizerBuild(b *testing.B) {
	loadKnowledge()
	for b.Loop() {
		buildNormalizer()
	}
}

func BenchmarkNormalize(b *testing.B) {
	inputs := []string{"MIT", "Apache License, Version 2.0", "MIT OR Apache-2.0", "License :: OSI Approved :: BSD License", "Dual licensed under MIT and GPL", "木兰宽松许可证，第2版"}
	Normalize("MIT")
	for b.Loop() {
		for _, s := range inputs {
			Normalize(s)
		}
	}
}
