"""Batch: extraction of a corpus into output/, and the notebooks run over it."""
