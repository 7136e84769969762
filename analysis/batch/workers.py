"""Worker processes that never outlive the run that started them."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def end_with_parent(parent: int) -> None:
    """Pool initializer: the worker ends when the process ``parent`` does, even killed with
    SIGKILL (Linux: the kernel sends it SIGTERM), and leaves Ctrl-C to the parent, which ends
    its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End ``pool``'s workers now, running tasks and all, and drop the tasks not started."""
    for process in list((pool._processes or {}).values()):  # the executor has no public way to end them
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def stop_point(step: str) -> None:
    """A place where tests stop a run as a user or the system would: with ``ANALYSIS_STOP_AT``
    set to ``step`` the process kills itself here (SIGKILL), with ``step:INT`` it gets Ctrl-C."""
    wanted, _, name = os.environ.get("ANALYSIS_STOP_AT", "").partition(":")
    if wanted == step:
        os.kill(os.getpid(), signal.SIGINT if name == "INT" else signal.SIGKILL)
