import os

from flows.inbox import fingerprint, plan_changes, read_file, scan_inbox


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
