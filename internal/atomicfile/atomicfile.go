package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrHardLinked means the target is a regular file with other hard links:
// replacing it would leave them holding the old contents, so WriteFile
// refuses instead. errors.Is sees it in the error WriteFile returns.
var ErrHardLinked = errors.New("the file has other hard links")

// NewFileMode is the mode of a file WriteFile creates: what optout writes
// is the user's own record, readable by them alone.
const NewFileMode fs.FileMode = 0o600

// WriteFile writes what write produces to path.
//
// A regular file (or none) is replaced atomically: write fills a temporary
// file in the same directory, which is synced, given the mode of the file
// it replaces (NewFileMode for a new one), renamed over path, and the
// directory synced. If write or any step fails, the temporary file is
// removed and path is left as it was. A symbolic link is followed: the file
// it points to is replaced, the link stays.
//
// A device, a named pipe or a socket — and any path under /dev or /proc,
// such as /dev/stdout, which may stand for a redirected file — is opened
// and written straight through: it cannot be renamed over.
//
// A regular file with more than one hard link is refused with an error
// wrapping ErrHardLinked that says so, since replacing it would quietly
// cut it off from its other names.
func WriteFile(path string, write func(io.Writer) error) error {
	return writeFile(path, write, syncDir)
}

// writeFile is WriteFile with the directory sync passed in, for tests.
func writeFile(path string, write func(io.Writer) error, syncDir func(dir string) error) error {
	if throughPath(path) {
		return writeThrough(path, write)
	}
	info, err := os.Stat(path) // follows links: the mode of what is replaced
	switch {
	case errors.Is(err, fs.ErrNotExist):
		info = nil
	case err != nil:
		return err
	case !info.Mode().IsRegular():
		if info.IsDir() {
			return &fs.PathError{Op: "write", Path: path, Err: errors.New("is a directory")}
		}
		return writeThrough(path, write)
	}
	target, err := resolve(path)
	if err != nil {
		return err
	}
	mode := NewFileMode
	if info != nil {
		mode = info.Mode().Perm()
		if n := links(path, info); n > 1 {
			return fmt.Errorf("%s has %d hard links, and replacing it would leave the other %d with the old contents — write to another path, or remove the other links first: %w",
				path, n, n-1, ErrHardLinked)
		}
	}
	return replace(target, mode, write, syncDir)
}

// replace writes target through a synced temporary file renamed over it.
func replace(target string, mode fs.FileMode, write func(io.Writer) error, syncDir func(string) error) (err error) {
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*") // mode 0600
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if mode != NewFileMode {
		if err := tmp.Chmod(mode); err != nil {
			return err
		}
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	// The new contents are in place; a failed directory sync only means the
	// rename itself might not survive a power cut, which the caller should
	// hear about.
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("written, but its directory could not be synced: %w", err)
	}
	return nil
}

// writeThrough writes a file that cannot be replaced, in place.
func writeThrough(path string, write func(io.Writer) error) error {
	flag := os.O_WRONLY
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		// /dev/stdout redirected to a file: the shell has truncated it, or
		// means it to be appended to (>>).
		flag |= os.O_APPEND
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		// A pipe or a terminal cannot be synced; a file behind /dev/stdout can.
		if info, serr := f.Stat(); serr == nil && info.Mode().IsRegular() {
			err = f.Sync()
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// throughPath reports whether path names a device or process file by its
// name: /dev/stdout and /proc/self/fd/1 may lead, through links, to a
// redirected regular file, which must still not be replaced.
func throughPath(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	abs = filepath.ToSlash(abs)
	return strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")
}

// resolve follows symbolic links to the path the data goes to. A missing
// file resolves through its directory.
func resolve(path string) (string, error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		return target, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return "", &fs.PathError{Op: "write", Path: path, Err: errors.New("is a symbolic link to a file that does not exist")}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(path)), nil
}
