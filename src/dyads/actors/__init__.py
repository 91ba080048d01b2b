"""Actor dictionaries (countries, organizations, people with dated roles) and the linker."""
