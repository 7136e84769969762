"""Storage: the tables and fact records under output/data, written atomically and read back."""
