"""Open data: the "Dati aperti" page (licence, datasets, API), the DCAT-AP_IT catalogue and the
course exports. The registry of datasets is `datasets.py`."""
