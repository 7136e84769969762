"""Evaluation: accuracy measured against gold standards (factRuEval-2016)."""
