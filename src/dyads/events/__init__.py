"""Events: the CAMEO/PLOVER pattern table, the event coder on the dependency parse, and records."""
