//go:build linux

// Command ptytime runs a full-screen program on a fresh pseudo-terminal and
// times it: how long after the start each marker text first appears on the
// terminal, then (after optional keys) its peak resident memory. It is the
// stopwatch of bench/firstframe.sh and bench/rss.sh; Linux only.
//
// Usage:
//
//	ptytime [-size 100x30] [-mark TEXT]... [-keys KEYS] [-repeat N] [-every D] -- CMD [ARG...]
//
// It prints one line: the microseconds to each marker, in order, then
// maxrss_kb=N (the kernel's peak RSS of the program, as /usr/bin/time -v
// reports it). After the last marker it types KEYS (repeated N times, one
// key every D), waits until the screen is quiet, and types q to quit.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
)

func main() {
	var marks []string
	size := flag.String("size", "100x30", "terminal `COLSxROWS`")
	flag.Func("mark", "wait for `TEXT` on screen (repeatable, in order)", func(s string) error {
		marks = append(marks, s)
		return nil
	})
	keys := flag.String("keys", "", "type `KEYS` after the last marker")
	repeat := flag.Int("repeat", 1, "type KEYS `N` times")
	every := flag.Duration("every", 2*time.Millisecond, "pause between keys")
	timeout := flag.Duration("timeout", 20*time.Second, "give up after")
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	var cols, rows uint16
	if _, err := fmt.Sscanf(*size, "%dx%d", &cols, &rows); err != nil {
		fail(fmt.Errorf("-size %s: %v", *size, err))
	}
	if err := run(flag.Args(), cols, rows, marks, *keys, *repeat, *every, *timeout); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ptytime:", err)
	os.Exit(1)
}

func run(argv []string, cols, rows uint16, marks []string, keys string, repeat int, every, timeout time.Duration) error {
	master, slave, err := openPTY(cols, rows)
	if err != nil {
		return err
	}
	defer master.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}

	out := &screen{}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	slave.Close()
	go out.read(master)
	deadline := start.Add(timeout)

	var times []string
	for _, m := range marks {
		at, err := out.waitFor(m, deadline)
		if err != nil {
			_ = cmd.Process.Kill()
			return fmt.Errorf("%q never appeared: %w\n%s", m, err, out.text())
		}
		times = append(times, fmt.Sprint(at.Sub(start).Microseconds()))
	}
	for range repeat {
		for _, k := range keys {
			if _, err := master.Write([]byte(string(k))); err != nil {
				return err
			}
			time.Sleep(every)
		}
	}
	out.waitQuiet(300*time.Millisecond, deadline)
	if _, err := master.Write([]byte("q")); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(time.Until(deadline)):
		_ = cmd.Process.Kill()
		return errors.New("the program did not quit")
	}
	if err != nil {
		return fmt.Errorf("%v: %w\n%s", argv[0], err, out.text())
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	fmt.Println(strings.Join(append(times, fmt.Sprintf("maxrss_kb=%d", rss)), " "))
	return nil
}

// screen collects everything the program wrote and when it last wrote.
type screen struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	last time.Time
}

func (s *screen) read(f *os.File) {
	b := make([]byte, 64<<10)
	for {
		n, err := f.Read(b)
		s.mu.Lock()
		s.buf.Write(b[:n])
		s.last = time.Now()
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitFor polls for text in the output with escape sequences removed, and
// returns when the output that holds it arrived.
func (s *screen) waitFor(text string, deadline time.Time) (time.Time, error) {
	seen := 0
	for time.Now().Before(deadline) {
		s.mu.Lock()
		n, last := s.buf.Len(), s.last
		var found bool
		if n != seen {
			found = strings.Contains(ansi.Strip(s.buf.String()), text)
			seen = n
		}
		s.mu.Unlock()
		if found {
			return last, nil
		}
		time.Sleep(100 * time.Microsecond)
	}
	return time.Time{}, errors.New("time-out")
}

// waitQuiet returns once nothing has been written for quiet.
func (s *screen) waitQuiet(quiet time.Duration, deadline time.Time) {
	for time.Now().Before(deadline) {
		s.mu.Lock()
		last := s.last
		s.mu.Unlock()
		if time.Since(last) > quiet {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.buf.String())
}

// openPTY opens a pseudo-terminal pair of the given size.
func openPTY(cols, rows uint16) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("unlockpt: %w", err)
	}
	var n uint32
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("ptsname: %w", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	ws := struct{ rows, cols, x, y uint16 }{rows, cols, 0, 0}
	if err := ioctl(slave, syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, fmt.Errorf("set size: %w", err)
	}
	return master, slave, nil
}

func ioctl(f *os.File, req uint, arg unsafe.Pointer) error {
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), uintptr(req), uintptr(arg))
	if errno != 0 {
		return errno
	}
	return nil
}
