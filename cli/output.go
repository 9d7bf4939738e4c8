package cli

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/optout/optout/internal/atomicfile"
	"github.com/optout/optout/store"
)

// writeOutput writes data where -o points: standard output for "" or "-";
// otherwise the file the path resolves to, through atomicfile (replaced
// atomically, its mode kept, a new one readable only by the user; devices
// and FIFOs written straight through; a file with other hard links
// refused rather than cut off from them).
func writeOutput(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	target, err := danglingTarget(path)
	if err != nil {
		return err
	}
	err = atomicfile.WriteFile(target, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
	if errors.Is(err, atomicfile.ErrHardLinked) {
		return errors.New("it has other hard links, which would keep the old report: write to another file, or remove the other links first")
	}
	return unwrapPath(err)
}

// refuseOwnFile refuses an -o path that is the data file at db or a file
// the store keeps beside it (its backup, its copy from before an upgrade),
// through links, "..", and hard links: writing the report there would
// destroy the proof it reports on.
func refuseOwnFile(name, db, out string) error {
	target, err := danglingTarget(out)
	if err != nil {
		return runtimeErrorf("%s: cannot write %s (%v)", name, out, err)
	}
	if dir := filepath.Dir(target); !isDir(dir) {
		return runtimeErrorf("%s: cannot write %s: the folder %s does not exist: create it, or pass another path to -o", name, out, dir)
	}
	what, own, err := store.OwnFile(db, target)
	if err != nil {
		return runtimeErrorf("%s: cannot tell whether %s is your data file (%v): write the report to another path", name, out, unwrapPath(err))
	}
	if own {
		return runtimeErrorf("%s: %s is %s (%s): not writing the report over it; pass another path to -o", name, out, what, db)
	}
	return nil
}

// maxLinks bounds how many symbolic links danglingTarget follows, as the
// kernel does, so a loop ends with an error.
const maxLinks = 40

// danglingTarget is where a symbolic link to a report not written yet
// points, so that -o link.md writes the file it names (atomicfile refuses
// a dangling link); any other path is returned as it is.
func danglingTarget(path string) (string, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return path, nil
	}
	for range maxLinks {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", unwrapPath(err)
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// isDir reports whether path is a directory (through links).
func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
