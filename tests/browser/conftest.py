# The notebooks here are opened by tests/test_browser.py in a real browser, in a temporary folder;
# nbval must not run them in place (they would write their autosave file into the checkout).
collect_ignore_glob = ["*.ipynb"]
