"""Jobs split between this process and a fork (chaiqiang.parallel): the results are
those of doing every job here, in order, whatever the child does."""

from __future__ import annotations

import os
import threading

import pytest
from chaiqiang import parallel


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "_cores", lambda: 2)


@pytest.fixture
def forkable(two_cores, monkeypatch):
    # The whole suite's process has threads (browsers, servers) that these jobs never touch.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def test_the_results_are_in_order_and_half_come_from_another_process(forkable):
    here = os.getpid()
    results = parallel.map_in_two(lambda n: (n * n, os.getpid()), range(20))
    assert [square for square, _ in results] == [n * n for n in range(20)]
    pids = [pid for _, pid in results]
    assert pids[:10] == [here] * 10 and here not in pids[10:]


def test_a_child_that_fails_leaves_its_half_to_be_done_here(forkable):
    here = os.getpid()

    def job(n):
        if os.getpid() != here:
            raise RuntimeError("the child fails")
        return n + 1

    assert parallel.map_in_two(job, range(10)) == list(range(1, 11))


def test_an_error_here_is_raised_and_the_child_reaped(forkable, monkeypatch):
    forked = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(real_fork()) or forked[-1])

    def job(n):
        if n == 0:
            raise ValueError("bad input, named")
        return n

    with pytest.raises(ValueError, match="bad input, named"):
        parallel.map_in_two(job, range(10))
    (pid,) = [pid for pid in forked if pid]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # no child left behind


def test_few_jobs_or_one_core_stay_here(monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    assert parallel.map_in_two(str, range(parallel.MIN_JOBS - 1)) == [str(n) for n in range(7)]
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel.map_in_two(str, range(50)) == [str(n) for n in range(50)]


def test_a_process_with_threads_does_not_fork(two_cores, monkeypatch):
    # mkdocs serve has threads; a fork would copy a lock one of them may hold.
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.map_in_two(str, range(20)) == [str(n) for n in range(20)]
    finally:
        stop.set()
        thread.join()


def test_a_job_in_the_background_runs_in_a_fork_and_says_whether_it_succeeded(forkable, tmp_path):
    here = os.getpid()
    wait = parallel.in_background(lambda: (tmp_path / "pid").write_text(str(os.getpid())))
    assert wait() is True
    assert int((tmp_path / "pid").read_text()) != here
    assert parallel.in_background(lambda: 1 / 0)() is False


def test_no_background_fork_with_threads_or_one_core(two_cores, monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    assert parallel.in_background(lambda: None) is None
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    assert parallel.in_background(lambda: None) is None


def test_a_background_job_can_yield_the_processor_to_the_build(forkable, tmp_path):
    # The search dictionary is needed only at the end of a build: its fork runs at a lower priority.
    assert parallel.in_background(lambda: (tmp_path / "nice").write_text(str(os.nice(0))), nice=10)()
    assert int((tmp_path / "nice").read_text()) == min(os.nice(0) + 10, 19)
    assert parallel.in_background(lambda: (tmp_path / "same").write_text(str(os.nice(0))))()
    assert int((tmp_path / "same").read_text()) == os.nice(0)
