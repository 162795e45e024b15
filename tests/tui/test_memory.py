"""IdleCollector: full garbage collections while the user rests, not during keystrokes."""

from __future__ import annotations

import gc

import pytest

from reviewer.tui.memory import RARE_FULL_COLLECTIONS, IdleCollector, launch_pause


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_start_makes_full_collections_rare_and_stop_restores_everything() -> None:
    before = gc.get_threshold()
    collector = IdleCollector()
    collector.start()
    try:
        assert gc.get_threshold() == (before[0], before[1], RARE_FULL_COLLECTIONS)
        collector.settle()
        assert gc.get_freeze_count() > 0
    finally:
        collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_full_collection_runs_only_after_input_and_a_rest() -> None:
    clock = Clock()
    collector = IdleCollector(rest_seconds=2.0, clock=clock)
    collector.start()
    try:
        clock.now += 10
        assert not collector.tick()  # no input since the start: nothing to do
        collector.input_seen()
        clock.now += 1.0
        assert not collector.tick()  # still typing
        clock.now += 1.5
        assert collector.tick()  # rested
        assert collector.collections == 1 and gc.get_freeze_count() > 0
        clock.now += 60
        assert not collector.tick()  # idle since: once is enough
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0


def test_cyclic_garbage_made_of_frozen_objects_is_freed_at_the_next_rest() -> None:
    import weakref

    class Node:
        pass

    clock = Clock()
    collector = IdleCollector(rest_seconds=1.0, clock=clock)
    collector.start()
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle
        collector.settle()  # frozen while alive
        alive = weakref.ref(a)
        del a, b
        gc.collect()
        assert alive() is not None  # frozen: an ordinary collection does not see it
        collector.input_seen()
        clock.now += 2
        assert collector.tick()
        assert alive() is None  # the rest's collection looks at everything
    finally:
        collector.stop()


def test_no_collection_from_launch_to_the_first_paint_then_the_launch_is_set_aside() -> None:
    collector = IdleCollector()
    assert gc.isenabled()
    with launch_pause():
        assert not gc.isenabled()  # loading the lockfile, building the first screen
        collector.start()
        try:
            collector.painted()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what the launch built is not walked again
            collector.painted()  # once only
            assert gc.isenabled()
        finally:
            collector.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_launch_pause_ends_however_the_launch_ends() -> None:
    with pytest.raises(RuntimeError), launch_pause():  # e.g. a bad lockfile: nothing painted
        assert not gc.isenabled()
        raise RuntimeError("no first paint")
    assert gc.isenabled()
    IdleCollector().painted()  # no pause under way: changes nothing
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # someone else's pause is left to them
    try:
        with launch_pause():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
