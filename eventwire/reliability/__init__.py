"""Reliability, made measurable: a catalogue of hostile inputs (``hostile``), a probe that runs
inputs one at a time under a time limit (``probe``), and a fuzz run (``fuzz``). See docs/reliability.md."""
