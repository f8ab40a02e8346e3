import os
import time

from flows.inbox import (
    RACY_WINDOW_NS,
    current_digests,
    fingerprint,
    plan_changes,
    read_file,
    scan_inbox,
    trusted_stats,
)


def test_scan_lists_files_sorted_skips_hidden_and_flags_outside_links(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub dir").mkdir(parents=True)
    (inbox / "b.txt").write_text("b")
    (inbox / "sub dir" / "ä.txt").write_text("a")
    (inbox / ".hidden").write_text("h")
    outside = tmp_path / "secret.txt"
    outside.write_text("s")
    os.symlink(outside, inbox / "link.txt")
    files = scan_inbox(inbox)
    assert [f.relative for f in files] == ["b.txt", "link.txt", "sub dir/ä.txt"]
    link = files[1]
    assert "outside the inbox" in link.problem
    assert read_file(link, 100).data is None


def test_read_file_hashes_and_enforces_size_limit(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hello")
    [file] = scan_inbox(tmp_path)
    got = read_file(file, 100)
    assert got.size == 5 and got.sha256.startswith("2cf24dba")
    too_big = read_file(file, 3)
    assert too_big.data is None and "limit" in too_big.problem


def test_plan_changes_extracts_new_and_changed_keeps_unchanged_lists_deleted(tmp_path):
    for name in ("same.txt", "changed.txt", "new.txt"):
        (tmp_path / name).write_text(name)
    files = scan_inbox(tmp_path)
    hashes = {f.relative: fingerprint(f, 100) for f in files}
    published = {"same.txt": hashes["same.txt"], "changed.txt": "0" * 64, "gone.txt": "1" * 64}
    plan = plan_changes(files, hashes, published)
    assert [f.relative for f in plan.to_extract] == ["changed.txt", "new.txt"]
    assert plan.kept == ["same.txt"]
    assert plan.deleted == ["gone.txt"]


def _settled(path):
    """Give `path` an mtime well before now, as a file published long ago would have."""
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def test_scan_records_size_and_mtime_of_regular_files_only(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hello")
    _settled(tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    regular, link = scan_inbox(tmp_path)
    assert (regular.size, regular.mtime_ns) == (5, 1_600_000_000_000_000_000)
    assert (link.size, link.mtime_ns) == (None, None)


def test_unchanged_stats_keep_the_published_digest_unread_and_a_changed_file_is_read(tmp_path):
    for name in ("same.txt", "edited.txt", "touched.txt", "new.txt"):
        (tmp_path / name).write_text(name)
        _settled(tmp_path / name)
    listed = {f.relative: f for f in scan_inbox(tmp_path)}
    stats = {name: (f.size, f.mtime_ns) for name, f in listed.items() if name != "new.txt"}
    # Published digests that are not the files' real ones: a digest kept proves the file went unread.
    published = {name: f"published-{name}" for name in stats}
    (tmp_path / "edited.txt").write_text("edited, and longer")
    os.utime(tmp_path / "touched.txt")
    files = scan_inbox(tmp_path)
    digests, read = current_digests(files, published, stats, 100)
    assert digests["same.txt"] == "published-same.txt"
    assert digests["edited.txt"] == fingerprint(listed["edited.txt"], 100)
    assert digests["touched.txt"] == fingerprint(listed["touched.txt"], 100)
    assert digests["new.txt"] is None  # extracted whatever its bytes: no need to read it here
    assert read == 2
    plan = plan_changes(files, digests, published)
    assert [f.relative for f in plan.to_extract] == ["edited.txt", "new.txt", "touched.txt"]


def test_same_size_and_mtime_with_other_bytes_is_the_accepted_trade_off_unless_stats_are_not_trusted(
    tmp_path,
):
    (tmp_path / "a.txt").write_text("version 1")
    _settled(tmp_path / "a.txt")
    [before] = scan_inbox(tmp_path)
    published, stats = {"a.txt": fingerprint(before, 100)}, {"a.txt": (before.size, before.mtime_ns)}
    (tmp_path / "a.txt").write_text("version 2")  # same size
    _settled(tmp_path / "a.txt")  # and the same mtime, as a restore from backup might leave it
    files = scan_inbox(tmp_path)
    assert plan_changes(files, current_digests(files, published, stats, 100)[0], published).kept == ["a.txt"]
    without_stats = current_digests(files, published, {}, 100)[0]
    assert [f.relative for f in plan_changes(files, without_stats, published).to_extract] == ["a.txt"]


def test_trusted_stats_leave_out_files_modified_just_before_the_listing_and_links(tmp_path):
    (tmp_path / "old.txt").write_text("old")
    _settled(tmp_path / "old.txt")
    (tmp_path / "fresh.txt").write_text("fresh")
    os.symlink(tmp_path / "old.txt", tmp_path / "link.txt")
    files = scan_inbox(tmp_path)
    assert trusted_stats(files, time.time_ns()) == [("old.txt", 3, 1_600_000_000_000_000_000)]
    later = time.time_ns() + 2 * RACY_WINDOW_NS
    assert [path for path, _, _ in trusted_stats(files, later)] == ["fresh.txt", "old.txt"]
