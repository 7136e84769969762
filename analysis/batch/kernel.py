"""The kernel every notebook runs on: this interpreter, whatever kernel name the notebook carries."""

from __future__ import annotations

import sys

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec


class ThisPythonKernel(AsyncKernelManager):
    """A kernel manager that starts an IPython kernel on the running interpreter."""

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(
            # The kernel's own log goes to the terminal, through the progress bar: its warning
            # that local TCP is unencrypted and its "KeyboardInterrupt caught" on shutdown are
            # noise there; a failing cell is reported from the notebook, not from this log.
            argv=[
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
                "--IPKernelApp.log_level=CRITICAL",
            ],
            display_name="Python (analysis)",
            language="python",
        )
