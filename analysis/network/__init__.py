"""Network: who is linked to whom (plain Python), graphs, metrics, exports and figures."""
