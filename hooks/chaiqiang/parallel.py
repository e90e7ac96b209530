"""A list of independent jobs done by two processes: this one and a fork of it.

A build on an empty cache ends with work that is the same for every page and
independent between pages (scanning the built HTML for inline code, indexing the
pages for search): on a machine with a second core, a forked child does the second
half while this process does the first. The child inherits everything loaded
(jieba's dictionary, the templates), so it starts at once, and hands back its
results pickled through a pipe; if it fails in any way, its half is done here,
where any error is raised as it would be without the child. The results are those
of `[job(item) for item in items]`, in that order. A process with threads (mkdocs
serve's) does every job itself.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Fewer jobs than this are done here: a fork costs more than a few pages' work.
MIN_JOBS = 8


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    # A fork of a process with threads (mkdocs serve's) could inherit a lock another thread holds.
    return _cores() >= 2 and hasattr(os, "fork") and threading.active_count() == 1


def in_background(job: Callable[[], object], nice: int = 0) -> Callable[[], bool] | None:
    """`job()` in a fork of this process, started now; returns the wait for it (True if
    the job succeeded). None where a fork is not safe or of no use (no fork, one core,
    threads): the caller does the job another way. The fork inherits what is loaded,
    so it starts at once; it reports nothing (an error is raised where the caller
    does the job again). `nice`: how far the fork yields the processor to the others
    (os.nice), for a job that is needed only later."""
    if not _can_fork():
        return None
    pid = os.fork()
    if pid == 0:  # the fork: the job, then gone without cleanup
        code = 1
        try:
            if nice:
                os.nice(nice)
            job()
            code = 0
        finally:
            os._exit(code)

    def wait() -> bool:
        _, status = os.waitpid(pid, 0)
        return status == 0

    return wait


def map_in_two(job: Callable[[T], R], items: Iterable[T], min_jobs: int = MIN_JOBS) -> list[R]:
    """`min_jobs`: fewer are done here (two suffice when each is a large piece of one task)."""
    items = list(items)
    if len(items) < max(min_jobs, 2) or not _can_fork():
        return [job(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the second half, pickled into the pipe, then gone without cleanup
        os.close(read_end)
        code = 1
        try:
            data = pickle.dumps([job(item) for item in items[half:]])
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        mine = [job(item) for item in items[:half]]
    except BaseException:
        os.close(read_end)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        # Every object unpickled stays alive: the collector's passes over them (a large
        # file's data is a million objects) would find nothing to free.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return mine + pickle.loads(data)
        finally:
            if enabled:
                gc.enable()
    return mine + [job(item) for item in items[half:]]
