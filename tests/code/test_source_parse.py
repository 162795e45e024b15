"""tree-sitter reads a large file in slices, so that other threads (the terminal UI's event
loop while the background review analyses a package) are not held up for its whole parse."""

from __future__ import annotations

import threading
import time

from reviewer.code import source
from reviewer.code.source import READ_CHUNK, JsSource


def _big_script(functions: int) -> bytes:
    body = ("function f{0}(a, b) {{ const s = `t${{a}}{0}`; if (a > {0}) {{ return [a, b, s, "
            "{{ k: '{0}', v: /x{0}/g }}]; }} return require('https').get('https://x.example.invalid/' + b); }}\n")
    return "".join(body.format(i) for i in range(functions)).encode()


def test_a_file_read_in_slices_gives_the_tree_of_the_whole_file() -> None:
    data = _big_script(600)
    assert len(data) > 4 * READ_CHUNK
    sliced = JsSource(data)
    whole = source._parser().parse(data)
    assert str(sliced.root) == str(whole.root_node)
    assert sliced.root.end_byte == len(data) and not sliced.root.has_error


def test_other_threads_run_while_a_large_file_is_parsed() -> None:
    """Given a file whole, tree-sitter keeps the GIL for the whole parse (1.5 s for
    typescript.js); read in slices, the interpreter hands the GIL over between them. The
    longest time this thread waited is a small part of the parse, whatever the machine's
    speed."""
    data = _big_script(25_000)  # about 4 MB
    done = threading.Event()
    took: list[float] = []

    def parse() -> None:
        started = time.perf_counter()
        JsSource(data)
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=parse)
    longest = 0.0
    last = time.perf_counter()
    worker.start()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert longest < took[0] / 4, (longest, took[0])
