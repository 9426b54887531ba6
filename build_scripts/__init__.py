"""Build-time code for the After the Massage site: MkDocs hooks, templates, the
wheel and Pyodide packaging, the local server and the benchmark."""
