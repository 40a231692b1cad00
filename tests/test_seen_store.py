from pipelines.seen_store import SqliteSeenStore


def test_keys_persist_across_instances(tmp_path):
    path = tmp_path / "state" / "seen.sqlite"
    store = SqliteSeenStore(str(path), "site_a")
    store.add("url", ["a1", "a2"])
    store.add("content", ["h1"])
    store.close()
    reopened = SqliteSeenStore(str(path), "site_a")
    assert reopened.contains("url", "a1") and reopened.contains("url", "a2")
    assert reopened.contains("content", "h1")
    assert not reopened.contains("url", "h1")
    assert reopened.count("url") == 2


def test_namespaces_are_separate(tmp_path):
    path = str(tmp_path / "seen.sqlite")
    SqliteSeenStore(path, "site_a").add("url", ["x"])
    other = SqliteSeenStore(path, "site_b")
    assert not other.contains("url", "x")
    assert other.count("url") == 0


def test_adding_a_key_twice_is_harmless(tmp_path):
    store = SqliteSeenStore(str(tmp_path / "seen.sqlite"), "s")
    store.add("url", ["x", "x"])
    store.add("url", ["x"])
    assert store.count("url") == 1
