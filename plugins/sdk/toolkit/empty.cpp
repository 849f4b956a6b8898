// placeholder until the toolkit has sources
