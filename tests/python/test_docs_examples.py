"""The h5py and xarray examples of docs/results.md run as written against a real file."""
import re

from conftest import REPO, run


def python_blocks(markdown):
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


def test_the_results_documentation_examples_run(placesim, tmp_path):
    out = tmp_path / "default.h5"
    run([placesim, "run", "--replicates", "3", "--set", "simulation.months=30", "-o", str(out), "-q"], tmp_path,
        check=True)
    blocks = python_blocks((REPO / "docs" / "results.md").read_text())
    assert len(blocks) >= 2
    for code in blocks:
        code = code.replace('"results/default.h5"', repr(str(out)))
        exec(compile(code, "docs/results.md", "exec"), {})
