package model

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tests here start this test binary again as a child process (the
// ORDERDESK_CHILD variable says what it does) to test what one process
// cannot: two processes writing one SQLite file, and a kill at any moment.

const childEnv = "ORDERDESK_CHILD"

// TestChildProcess is the child's side; it does nothing in a normal run.
func TestChildProcess(t *testing.T) {
	mode, path := os.Getenv(childEnv), os.Getenv("ORDERDESK_CHILD_DB")
	if mode == "" {
		t.Skip("runs only as the child of another test")
	}
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	switch mode {
	case "writer":
		childWriter(ctx, s)
	case "orders":
		childOrders(ctx, s)
	case "busy":
		childBusy(ctx, s)
	case "hold":
		childHold()
	}
	s.Close()
	os.Exit(0)
}

// childWriter saves its own customer over and over; any error is printed
// as a clerk would see it.
func childWriter(ctx context.Context, s *Store) {
	n, _ := strconv.Atoi(os.Getenv("ORDERDESK_CHILD_N"))
	c := NewCustomer()
	c.Code, c.NameZH = "P"+strconv.Itoa(os.Getpid()%100000), "程序客戶"
	by := Actor{Name: "process " + strconv.Itoa(os.Getpid())}
	if err := s.SaveCustomer(ctx, by, c); err != nil {
		fmt.Println("error", Say(err))
		return
	}
	for i := range n {
		c.ContractRef = strconv.Itoa(i)
		if err := s.SaveCustomer(ctx, by, c); err != nil {
			fmt.Println("error", Say(err), err)
			return
		}
	}
	fmt.Println("done", n)
}

// childOrders takes orders until it is killed, saying after each commit
// which order it was and after each draft save which draft.
func childOrders(ctx context.Context, s *Store) {
	c, err1 := s.CustomerByCode(ctx, "A001")
	contacts, err2 := s.ContactsOf(ctx, c.ID)
	p, err3 := s.ProductByCode(ctx, "WF-80-1060")
	yc, err4 := s.EmployeeByName(ctx, "YC")
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			fmt.Println("error", err)
			return
		}
	}
	for i := 0; ; i++ {
		payload := fmt.Sprintf(`{"memo":"draft %d"}`, i)
		if err := s.SaveDraft(ctx, yc.Actor(), "order-intake", "new", "A001", payload); err != nil {
			fmt.Println("error", err)
			return
		}
		fmt.Println("draft", i)
		o := NewOrderFor(c, contacts, ChannelPhone, s.Now())
		o.Lines = []OrderLine{{ProductID: p.ID, Qty: QtyOf(int64(10 + i%50)), Unit: "roll", UnitPrice: MoneyOf(2500)}}
		if err := s.CreateOrder(ctx, yc.Actor(), o); err != nil {
			fmt.Println("error", err)
			return
		}
		fmt.Println("committed", o.No)
	}
}

func child(t *testing.T, mode, path string, extra ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "ORDERDESK_CHILD_DB="+path)
	cmd.Env = append(cmd.Env, extra...)
	return cmd
}

// TestTwoProcessesShareTheFile: two processes write one SQLite file at the
// same time; "database is locked" never reaches either.
func TestTwoProcessesShareTheFile(t *testing.T) {
	sqliteOnly(t, "two processes on one file")
	s, _ := openTestStore(t)
	path := s.Path
	s.Close()
	n := 5000
	if testing.Short() {
		n = 500
	}
	var wg sync.WaitGroup
	outs := make([]string, 2)
	start := time.Now()
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := child(t, "writer", path, "ORDERDESK_CHILD_N="+strconv.Itoa(n)).CombinedOutput()
			outs[i] = string(out)
			if err != nil {
				t.Errorf("process %d: %v\n%s", i, err, out)
			}
		}()
	}
	wg.Wait()
	for i, out := range outs {
		if !strings.Contains(out, fmt.Sprintf("done %d", n)) || strings.Contains(out, "error") {
			t.Errorf("process %d did not finish its %d writes cleanly:\n%s", i, n, out)
		}
	}
	t.Logf("2 processes × %d writes in %s, no error", n, time.Since(start).Round(time.Millisecond))
}

// TestKilledWhileWritingLosesNothing kills a process taking orders with
// SIGKILL at random moments, 20 times. After each kill every order it
// reported committed is in the file, the file passes its checks, numbers
// have no gap, and the draft it last reported saved is there.
func TestKilledWhileWritingLosesNothing(t *testing.T) {
	sqliteOnly(t, "killing the process that holds the file")
	f := newDesk(t)
	path := f.s.Path
	f.s.Close()
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	kills := 20
	if testing.Short() {
		kills = 3
	}
	total := 0
	for k := range kills {
		cmd := child(t, "orders", path)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var committed []string
		lastDraft := -1
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		deadline := time.After(time.Duration(150+rng.Intn(600)) * time.Millisecond)
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				switch f := strings.Fields(line); {
				case len(f) == 2 && f[0] == "committed":
					committed = append(committed, f[1])
				case len(f) == 2 && f[0] == "draft":
					lastDraft, _ = strconv.Atoi(f[1])
				case len(f) > 0 && f[0] == "error":
					t.Fatalf("kill %d: the child failed: %s", k, line)
				}
			case <-deadline:
				cmd.Process.Signal(syscall.SIGKILL)
				deadline = nil
			}
		}
		cmd.Wait()

		s, err := Open(context.Background(), path, Options{})
		if err != nil {
			t.Fatalf("after kill %d the file does not open: %v", k, err)
		}
		for _, no := range committed {
			if _, err := s.OrderByNo(context.Background(), no); err != nil {
				t.Errorf("kill %d: order %s was reported committed and is gone: %v", k, no, err)
			}
		}
		if problems, err := s.Check(context.Background()); err != nil || len(problems) > 0 {
			t.Errorf("kill %d: check: %v %v", k, problems, err)
		}
		n, _ := s.CountOrders(context.Background(), OrderFilter{View: ViewAll})
		if n.N < total+len(committed) {
			t.Errorf("kill %d: %d orders in the file, %d before and %d committed since", k, n.N, total, len(committed))
		}
		total = n.N
		if len(committed) > 0 {
			// Numbers stay gap-free: the newest number is the count.
			var year int
			fmt.Sscanf(committed[0], SeriesOrder+"-%d-", &year)
			if _, err := s.OrderByNo(context.Background(), FormatNumber(SeriesOrder, year, n.N)); err != nil {
				t.Errorf("kill %d: %d orders but no %s: a gap in the numbers", k, n.N, FormatNumber(SeriesOrder, year, n.N))
			}
		}
		if lastDraft >= 0 {
			drafts, _ := s.Drafts(context.Background(), f.clerk.ID, "order-intake")
			got := -1
			if len(drafts) == 1 {
				fmt.Sscanf(drafts[0].Payload, `{"memo":"draft %d"}`, &got)
			}
			if got < lastDraft {
				t.Errorf("kill %d: draft %d was reported saved, the file holds %+v", k, lastDraft, drafts)
			}
		}
		s.Close()
	}
	t.Logf("%d kills survived; %d orders in the file, none lost", kills, total)
}
