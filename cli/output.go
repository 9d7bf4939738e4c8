package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// maxLinks bounds how many symbolic links writeOutput follows, as the
// kernel does, so a loop ends with an error.
const maxLinks = 40

// writeOutput writes data where -o points: standard output for "" or "-";
// otherwise the file the path resolves to, following symbolic links. A
// regular file, or one that does not exist yet, is replaced atomically (a
// reader sees the old report or the new one), keeping an existing file's
// permissions and making a new one readable only by the user. Anything
// else that can be written (a device such as /dev/null, a FIFO) is written
// into directly: replacing it would destroy it.
func writeOutput(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeFileAtomic(target, data, 0o600)
	case err != nil:
		return unwrapPath(err)
	case info.IsDir():
		return errors.New("it is a folder")
	case info.Mode().IsRegular():
		return writeFileAtomic(target, data, info.Mode().Perm())
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return unwrapPath(err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return unwrapPath(err)
	}
	return unwrapPath(f.Close())
}

// resolveLinks follows path while it is a symbolic link and returns the
// path it ends at, which may not exist yet (a link to a report not written
// so far). Unlike filepath.EvalSymlinks it accepts such a dangling link.
func resolveLinks(path string) (string, error) {
	for range maxLinks {
		info, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", unwrapPath(err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
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

// writeFileAtomic replaces the regular file path with data, with the
// permissions perm: the data goes to a temporary file beside it (which
// CreateTemp makes readable only by the user), then is renamed over it.
func writeFileAtomic(path string, data []byte, perm fs.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return unwrapPath(err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return unwrapPath(err)
	}
	if err := f.Chmod(perm); err != nil {
		return unwrapPath(err)
	}
	if err := f.Sync(); err != nil {
		return unwrapPath(err)
	}
	if err := f.Close(); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(os.Rename(f.Name(), path))
}
