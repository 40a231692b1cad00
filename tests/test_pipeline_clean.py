from pipelines.clean import CleanPipeline, content_hash

from conftest import make_article


def clean(**fields):
    return CleanPipeline().process_item(make_article(**fields))


def test_whitespace_and_leftover_entities_are_normalised():
    item = clean(
        title="\u3000青溪县\u00a0新增学位&nbsp;3000个 \n",  # source had &amp;nbsp;
        source=" 青溪县融媒体中心\u200b ",
        body="  第一段\u00a0文字。 \n\n\n\n  第二段。\r\n",
    )
    assert item["title"] == "青溪县 新增学位 3000个"
    assert item["source"] == "青溪县融媒体中心"
    assert item["body"] == "第一段 文字。\n\n第二段。"


def test_lists_are_trimmed_and_deduplicated_in_order():
    item = clean(authors=[" 王芳", "李明 ", "王芳", ""], tags=["教育", " 教育 ", "民生"])
    assert item["authors"] == ["王芳", "李明"]
    assert item["tags"] == ["教育", "民生"]


def test_canonical_url_drops_tracking_parameters_and_sets_a_stable_id():
    first = clean(url="https://News.Example.cn/xw/t20261125_1001.html?spm=zm1033.a.0&from=timeline#top")
    second = clean(url="https://news.example.cn/xw/t20261125_1001.html")
    assert first["canonical_url"] == "https://news.example.cn/xw/t20261125_1001.html"
    assert first["id"] == second["id"]
    assert len(first["id"]) == 40


def test_canonical_url_keeps_content_parameters():
    item = clean(url="https://news.example.cn/show.php?id=88&utm_source=wx&catid=3")
    assert item["canonical_url"] == "https://news.example.cn/show.php?catid=3&id=88"


def test_page_canonical_url_wins_over_the_fetched_url():
    item = clean(url="https://m.example.cn/a/1001.html", canonical_url="https://news.example.cn/a/1001.html")
    assert item["canonical_url"] == "https://news.example.cn/a/1001.html"
    assert item["url"] == "https://m.example.cn/a/1001.html"


def test_every_schema_field_is_present_with_an_empty_value():
    item = clean()
    assert item["subtitle"] is None and item["updated_at"] is None
    assert item["editors"] == [] and item["images"] == [] and item["tags"] == []


def test_extracted_by_only_names_fields_that_have_a_value():
    item = clean(authors=[], extracted_by={"title": "selector", "authors": "generic"})
    assert item["extracted_by"] == {"title": "selector"}


def test_images_without_url_or_repeated_are_dropped():
    item = clean(images=[
        {"url": "https://news.example.cn/u/1.jpg", "caption": " 航拍\u00a0青溪。记者 梁臻 摄 "},
        {"url": "https://news.example.cn/u/1.jpg", "caption": "again"},
        {"url": "", "caption": "no url"},
        {"url": "https://news.example.cn/u/2.jpg", "caption": "  "},
    ])
    assert item["images"] == [
        {"url": "https://news.example.cn/u/1.jpg", "caption": "航拍 青溪。记者 梁臻 摄"},
        {"url": "https://news.example.cn/u/2.jpg", "caption": None},
    ]


def test_content_hash_ignores_whitespace_but_not_text():
    assert content_hash("t", "第一段。\n\n第二段。") == content_hash("t", "第一段。 第二段。")
    assert content_hash("t", "第一段。") != content_hash("t", "第二段。")
    assert content_hash("标题", None) == content_hash("标题", "")
