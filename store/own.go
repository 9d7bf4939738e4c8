package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// OwnFile reports whether writing to target would overwrite one of the
// files the store keeps for the data file at dbPath, and which: "the data
// file", "its backup" (PATH.bak) or "its copy from before the upgrade"
// (PATH.vN.bak). bbolt locks the data file itself, so there is no lock
// file to protect.
//
// It sees through relative paths, "..", symbolic links (of the file and of
// its directories), hard links and, on systems whose file systems usually
// ignore case (macOS, Windows), a difference in case alone. err is set only
// when a path cannot be examined (e.g. permission denied); the caller
// should then refuse too.
func OwnFile(dbPath, target string) (what string, ok bool, err error) {
	want, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		want = nil
	case err != nil:
		return "", false, err
	}
	targetPath, err := canonical(target)
	if err != nil {
		return "", false, err
	}
	for _, own := range ownFiles(dbPath) {
		if want != nil {
			have, err := os.Stat(own.path)
			if err == nil {
				if os.SameFile(want, have) {
					return own.what, true, nil
				}
				continue
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return "", false, err
			}
		}
		ownPath, err := canonical(own.path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // its directory is gone: nothing there to overwrite
			}
			return "", false, err
		}
		if samePath(targetPath, ownPath) {
			return own.what, true, nil
		}
	}
	return "", false, nil
}

// ownFile is one file the store keeps, and how to name it to the user.
type ownFile struct{ path, what string }

// ownFiles lists the files the store keeps beside the data file at path.
func ownFiles(path string) []ownFile {
	out := []ownFile{{path, "the data file"}, {backupPath(path), "its backup"}}
	for v := 1; v < schemaVersion(); v++ {
		out = append(out, ownFile{upgradeCopyPath(path, v), "its copy from before the upgrade"})
	}
	return out
}

// canonical is path made absolute with every symbolic link resolved; a
// file that does not exist yet resolves through its directory.
func canonical(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if p, err := filepath.EvalSymlinks(abs); err == nil {
		return p, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// samePath compares canonical paths as the usual file system of this
// system does: ignoring case on macOS and Windows.
func samePath(a, b string) bool {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || runtime.GOOS == "ios" {
		return strings.EqualFold(a, b)
	}
	return a == b
}
