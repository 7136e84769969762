"""Language: morphology look-ups, gazetteers, and the natasha pipeline that finds mentions."""
