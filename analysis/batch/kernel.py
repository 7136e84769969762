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
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python (analysis)",
            language="python",
        )
