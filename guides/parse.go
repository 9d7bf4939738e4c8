package guides

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/optout/optout/model"
)

// platformFileName is the file that makes a folder a platform folder.
const platformFileName = "platform.md"

// Parse reads a guide tree laid out like guides/content/ (for a folder on
// disk, prefer ParseDir, which also keeps symbolic links inside it). File names in problems and in Platform.File and
// Step.File are paths inside fsys. On any problem it returns a nil catalog
// and a Problems error listing every problem found.
func Parse(fsys fs.FS) (*model.Catalog, error) {
	return parse(fsys, "", time.Now())
}

// parser holds what one parse needs across files.
type parser struct {
	fsys   fs.FS
	prefix string    // prepended to paths in messages
	now    time.Time // verified dates after this are in the future
	ps     Problems
	ids    map[string]string // every platform and step ID → "file:line" where it is declared
}

// parse reads fsys, naming files prefix+path in messages.
func parse(fsys fs.FS, prefix string, now time.Time) (*model.Catalog, error) {
	p := &parser{fsys: fsys, prefix: prefix, now: now, ids: make(map[string]string)}
	dirs, files := p.walk()
	var platforms []model.Platform
	for _, dir := range dirs {
		if pl, ok := p.folder(dir, files[dir]); ok {
			platforms = append(platforms, pl)
		}
	}
	if len(p.ps) == 0 && len(platforms) == 0 {
		p.ps.addf(cmp.Or(strings.TrimSuffix(prefix, "/"), "."), 0, "no %s found: a guide tree has one folder per platform, each with a %s (see FORMAT.md)", platformFileName, platformFileName)
	}
	if err := p.ps.err(); err != nil {
		return nil, err
	}
	sortPlatforms(platforms)
	return model.NewCatalog(platforms), nil
}

// walk lists the files of every folder, folders in lexical order, files
// in name order. Names starting with "." or "_" are skipped, as go:embed
// skips them, so `optout guides check` sees what the binary would ship.
func (p *parser) walk() ([]string, map[string][]string) {
	var dirs []string
	files := make(map[string][]string)
	_ = fs.WalkDir(p.fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			p.ps.addf(p.display(name), 0, "cannot read: %v", err)
			return nil
		}
		if name != "." && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			dirs = append(dirs, name)
			return nil
		}
		dir := path.Dir(name)
		files[dir] = append(files[dir], d.Name())
		return nil
	})
	return dirs, files
}

// folder reads one folder. It returns the platform if the folder is a
// platform folder whose platform.md could be read.
func (p *parser) folder(dir string, names []string) (model.Platform, bool) {
	if !slices.Contains(names, platformFileName) {
		for _, name := range names {
			if strings.HasSuffix(name, ".md") {
				p.ps.addf(p.display(path.Join(dir, name)), 1, "this folder has no %s, so this step belongs to no platform: add a %s to the folder or move the file into a platform folder", platformFileName, platformFileName)
			}
		}
		return model.Platform{}, false
	}
	pf, ok := p.platform(path.Join(dir, platformFileName))
	slices.SortStableFunc(names, compareStepFiles)
	var steps []model.Step
	for _, name := range names {
		file := path.Join(dir, name)
		switch {
		case name == platformFileName:
		case !strings.HasSuffix(name, ".md"):
			p.ps.addf(p.display(file), 1, "only .md guide files belong in a platform folder: move or delete this file")
		default:
			if s, ok := p.step(file, pf); ok {
				steps = append(steps, s)
			}
		}
	}
	if !ok {
		return model.Platform{}, false
	}
	pf.platform.Steps = steps
	p.checkRegionNotes(pf)
	return pf.platform, true
}

// platform reads a platform.md; ok is false if it has no usable front matter.
func (p *parser) platform(file string) (platformFile, bool) {
	r, doc, ok := p.open(file)
	if !ok {
		return platformFile{}, false
	}
	pf := r.readPlatform(doc, p.now)
	if pf.idOK {
		p.claim(r, string(pf.platform.ID), pf.idLine)
	}
	return pf, true
}

// step reads a step file of platform pf (whose ID may be unusable).
func (p *parser) step(file string, pf platformFile) (model.Step, bool) {
	r, doc, ok := p.open(file)
	if !ok {
		return model.Step{}, false
	}
	sf := r.readStep(doc, p.now)
	sf.step.Platform = pf.platform.ID
	if sf.idOK && pf.idOK {
		want := string(pf.platform.ID) + "/"
		slug, found := strings.CutPrefix(string(sf.step.ID), want)
		if !found || strings.Contains(slug, "/") {
			r.errorf(sf.idLine, "id %q must be %q followed by one more part without \"/\" (the platform's id, from %s), e.g. %q", sf.step.ID, want, QuoteName(pf.platform.File), want+"object-form")
		}
	}
	if sf.idOK {
		p.claim(r, string(sf.step.ID), sf.idLine)
	}
	return sf.step, true
}

// open reads a file and splits it into front matter and body.
func (p *parser) open(file string) (*fileReader, document, bool) {
	// The YAML starts on file line 2, just after the opening fence.
	r := &fileReader{file: p.display(file), offset: 1, ps: &p.ps}
	data, err := readFile(p.fsys, file)
	if err != nil {
		r.errorf(0, "%v", err)
		return r, document{}, false
	}
	doc, ok := r.splitDocument(data)
	return r, doc, ok
}

// claim records that id is declared at line of r's file, reporting a
// clash with an earlier declaration.
func (p *parser) claim(r *fileReader, id string, line int) {
	where := QuoteName(r.file) + ":" + strconv.Itoa(line)
	if prev, dup := p.ids[id]; dup {
		r.errorf(line, "id %q is already used in %s: every id must be unique", id, prev)
		return
	}
	p.ids[id] = where
}

// checkRegionNotes reports every region in which some of the platform's
// steps are hidden but region_notes does not say why.
func (p *parser) checkRegionNotes(pf platformFile) {
	pl := pf.platform
	for _, region := range model.Regions() {
		if _, ok := pl.RegionNotes[region]; ok {
			continue
		}
		var hidden []string
		for _, s := range pl.Steps {
			if len(s.Regions) > 0 && !s.AppliesTo(region) {
				hidden = append(hidden, string(s.ID))
			}
		}
		if len(hidden) == 0 {
			continue
		}
		p.ps.addf(pl.File, pf.notesLine, "region_notes has no note for %q, where %s hidden: add under region_notes a line such as %q", region, listSteps(hidden), "  "+string(region)+": why these steps do not apply there")
	}
}

// listSteps names a few hidden steps for a message.
func listSteps(ids []string) string {
	const most = 3
	if len(ids) == 1 {
		return "step " + ids[0] + " is"
	}
	s := strings.Join(ids[:min(len(ids), most)], ", ")
	if len(ids) > most {
		s += ", …"
	}
	return strconv.Itoa(len(ids)) + " steps are (" + s + ")"
}

// display is how a path inside fsys is named in problems and in File
// fields: with the prefix, and otherwise as it is, so an author can find
// the file. Problem.Error and QuoteName quote a name with control
// characters in it, so it cannot forge or hide a line.
func (p *parser) display(name string) string {
	return p.prefix + name
}

// sortPlatforms orders platforms by order, then ID.
func sortPlatforms(platforms []model.Platform) {
	slices.SortStableFunc(platforms, func(a, b model.Platform) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
}

// compareStepFiles orders step files by their leading number, then by name,
// so "100-x.md" comes after "90-y.md" as a guide writer would expect.
func compareStepFiles(a, b string) int {
	na, ra := leadingNumber(a)
	nb, rb := leadingNumber(b)
	if na != nb {
		return cmp.Compare(na, nb)
	}
	return cmp.Compare(ra, rb)
}

// leadingNumber splits "20-slug.md" into 20 and "-slug.md"; a name without
// digits sorts as -1, before numbered ones.
func leadingNumber(name string) (int, string) {
	end := 0
	for end < len(name) && end < 9 && name[end] >= '0' && name[end] <= '9' {
		end++
	}
	if end == 0 {
		return -1, name
	}
	n, _ := strconv.Atoi(name[:end])
	return n, name[end:]
}
