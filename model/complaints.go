package model

import "strings"

// ComplaintsPlatform is the guide "If a company refuses or doesn't
// answer": where a refused or unanswered request goes next.
const ComplaintsPlatform PlatformID = "rights/complaints"

// ComplaintStep is the step of the complaints guide to take for a request
// refused or left unanswered in region r: the first action step of the
// region whose ID names a complaint ("…complain…"), else the region's last
// action step (e.g. keeping the evidence), or nil when the catalog has no
// such guide.
func ComplaintStep(c *Catalog, r Region) *Step {
	i, ok := c.platforms[ComplaintsPlatform]
	if !ok {
		return nil
	}
	p := &c.Platforms[i]
	var last *Step
	for j := range p.Steps {
		s := &p.Steps[j]
		if !s.AppliesTo(r) || !s.Tickable() {
			continue
		}
		name := string(s.ID)[strings.LastIndexByte(string(s.ID), '/')+1:]
		if strings.Contains(name, "complain") {
			return s
		}
		last = s
	}
	return last
}
