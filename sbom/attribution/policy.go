package attribution

import (
	"slices"
	"time"

	"github.com/hengdev/heng/policy"
)

// ApplyPolicy records a policy check of the project: pol is the policy
// read from path, res what policy.Evaluate found on the day today. It sets
// Policy, Result and Exceptions (each marked Expired as policy.Evaluate
// judges it on that day: policy.Exception.Expired), and each third-party package's Findings and
// Verdict. Findings are matched to packages by purl, and by name and
// version for packages without one. Root packages are not judged by the
// policy and keep an empty Verdict.
func (p *Project) ApplyPolicy(pol *policy.Policy, path string, res policy.Result, today time.Time) {
	p.Policy = path
	r := res
	r.Findings = slices.Clone(res.Findings)
	p.Result = &r
	p.Exceptions = []Exception{}
	if pol != nil {
		for _, e := range pol.Exceptions {
			p.Exceptions = append(p.Exceptions, Exception{Exception: e, Expired: e.Expired(today)})
		}
	}
	byPURL := map[string][]policy.Finding{}
	byName := map[string][]policy.Finding{}
	for _, f := range res.Findings {
		if f.PURL != "" {
			byPURL[f.PURL] = append(byPURL[f.PURL], f)
		} else {
			byName[f.Name+"\x00"+f.Version] = append(byName[f.Name+"\x00"+f.Version], f)
		}
	}
	for i := range p.Packages {
		pk := &p.Packages[i]
		var fs []policy.Finding
		if pk.PURL != "" {
			fs = byPURL[pk.PURL]
		} else {
			fs = byName[pk.Name+"\x00"+pk.Version]
		}
		pk.Findings = append([]policy.Finding{}, fs...)
		pk.Verdict = verdict(fs)
	}
}

// verdict is the worst severity of findings, VerdictPass for none.
func verdict(fs []policy.Finding) string {
	rank := map[string]int{policy.Waived: 1, policy.Warning: 2, policy.Error: 3}
	out, worst := VerdictPass, 0
	for _, f := range fs {
		if r := rank[f.Severity]; r > worst {
			out, worst = f.Severity, r
		}
	}
	return out
}
