"""Actors: dictionaries (countries, organizations, people with dated roles, role words) and the linker."""
