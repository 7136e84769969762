"""Facts: one Document per article in, a typed fact record out (the schema of everything stored)."""
