"""Writes the test pages in this folder: small documents, written for newsbrief's tests, that
copy the markup of common news sites and feed generators. Run it to regenerate them."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

BODY = [
    "The harbour authority approved a plan on Tuesday to deepen the main shipping channel, "
    "a project that officials said would let larger container ships call at the port.",
    "The work is expected to cost about $420 million and take three years. Dredging will begin "
    "in the spring, once the fishing season ends, the authority said in a statement.",
    "Local fishermen have opposed the plan, arguing that the noise and silt will drive cod away "
    "from grounds their families have worked for generations.",
]
QUOTE = ("We will not trade our livelihoods for bigger ships.", "Marta Silva")
MORE = [
    "Supporters say the deeper channel will bring hundreds of jobs to a region that has lost "
    "much of its industry over the past two decades.",
    "The authority will publish an environmental assessment next month, and public hearings "
    "are planned for the autumn.",
]
NOISE = "Accept all cookies to continue. Subscribe to our newsletter for daily updates."


def paragraphs(items: list[str]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in items)


PAGES = {
    "wordpress.html": f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour deepening plan approved despite fishing fears &#8211; Coastal Times</title>
<meta property="og:site_name" content="Coastal Times">
<meta name="author" content="Dana Whitlock">
<meta property="article:published_time" content="2024-03-12T09:30:00+00:00">
</head><body class="post-template-default single">
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a>
</li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-notice">{NOISE}</div>
<main id="main"><article class="post type-post">
<header class="entry-header"><h1 class="entry-title">Harbour deepening plan approved despite
fishing fears</h1><div class="entry-meta">By <span class="author vcard">Dana Whitlock</span>
<time class="entry-date published" datetime="2024-03-12T09:30:00+00:00">March 12, 2024</time>
</div></header>
<div class="entry-content">{paragraphs(BODY)}
<blockquote class="wp-block-quote"><p>{QUOTE[0]}</p><cite>{QUOTE[1]}</cite></blockquote>
<h2 class="wp-block-heading">What happens next</h2>
{paragraphs(MORE)}
<ul><li>Dredging starts in the spring</li><li>Hearings are planned for the autumn</li></ul>
</div></article>
<div id="comments" class="comments-area"><h2>3 thoughts on this</h2><ol class="comment-list">
<li class="comment"><p>Great news for the town!</p></li></ol></div>
</main><footer class="site-footer"><p>&copy; 2024 Coastal Times. All rights reserved.</p>
</footer></body></html>""",
    "ghost.html": f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Rail strike called off after late pay offer
</title><meta property="og:site_name" content="The Junction">
<meta property="og:description" content="Union members will vote on the new offer next week.">
<meta name="author" content="Priya Natarajan">
<meta property="article:published_time" content="2024-05-02T18:00:00.000Z"></head>
<body class="post-template"><div class="viewport"><header id="gh-head" class="gh-head">
<nav class="gh-head-menu"><a href="/">Home</a> <a href="/about/">About</a></nav></header>
<main class="site-main"><article class="gh-article post">
<header class="gh-article-header gh-canvas"><h1 class="gh-article-title">Rail strike called
off after late pay offer</h1><p class="gh-article-excerpt">Union members will vote on the new
offer next week.</p><span class="gh-article-meta">By Priya Natarajan</span></header>
<section class="gh-content gh-canvas">
<p>A national rail strike planned for Friday was called off on Thursday night after the train
operators made a late pay offer of 6 percent over two years.</p>
<p>The union said its executive had agreed to suspend the action while members vote, a process
that will take about a week. Commuters had been warned to expect severe disruption.</p>
<h2>A long dispute</h2>
<p>The dispute began last summer over pay and changes to working hours. Four earlier strikes
closed most of the network and cost the industry an estimated £120 million.</p>
<blockquote>This is the first offer that recognises what our members do. — Alan Brooks</blockquote>
<p>The operators said the offer was final and urged members to accept it.</p>
</section></article>
<section class="footer-cta"><h2>Sign up for The Junction</h2><p>{NOISE}</p></section>
</main></div></body></html>""",
    "substack.html": """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Why the library vote matters</title>
<meta property="og:site_name" content="Town Notes">
<meta name="author" content="Sam Okafor">
<meta property="article:published_time" content="2024-02-20T12:00:00+00:00"></head><body>
<div id="entry"><div class="main-menu"><a>Town Notes</a><button>Subscribe</button>
<button>Sign in</button></div>
<article class="typography newsletter-post post"><div class="post-header">
<h1 class="post-title published">Why the library vote matters</h1>
<h3 class="subtitle">Three branches could close if the budget passes unchanged</h3>
<div class="post-meta">Sam Okafor · Feb 20, 2024</div></div>
<div class="available-content"><div class="body markup">
<p>The council will vote next Monday on a budget that would close three of the town's five
library branches, saving about $1.2 million a year.</p>
<p>Library use has risen by 14 percent since 2021, according to the council's own figures,
and the branches slated for closure serve the neighbourhoods with the fewest home computers.</p>
<h2>What the council says</h2>
<p>Council leaders argue the savings are needed to avoid a tax rise, and say mobile libraries
could visit the affected areas twice a week.</p>
<div class="subscription-widget-wrap"><p>Thanks for reading Town Notes! Subscribe for free to
receive new posts.</p><button>Subscribe</button></div>
<p>Residents can speak at the meeting if they register by Friday.</p>
</div></div></article>
<div class="comments-section"><p>12 comments</p></div></div></body></html>""",
    "wire.html": """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Copper hits two-year high on supply worries | Newswire
</title><meta property="og:site_name" content="Newswire">
<meta name="author" content="Elena Petrova">
<meta name="article:published_time" content="2024-04-09T07:45:00Z"></head><body>
<div class="site-nav"><a>World</a><a>Markets</a><a>Business</a></div>
<div class="ad-slot">Advertisement</div>
<div class="article-wrap"><h1 data-testid="Heading">Copper hits two-year high on supply
worries</h1><div class="byline">By Elena Petrova</div><time datetime="2024-04-09T07:45:00Z">
April 9, 2024</time>
<div class="article-body" data-testid="ArticleBody">
<p>LONDON (Newswire) - Copper prices rose to their highest in two years on Tuesday as
disruptions at mines in South America raised fears of a supply shortfall.</p>
<p>Benchmark copper on the London Metal Exchange rose 2.1% to $9,420 a tonne by 0730 GMT, its
highest since April 2022.</p>
<p>"The market is pricing in a real deficit for the second half," said Tom Reid, an analyst at
a commodities broker in London.</p>
<p>Stocks in warehouses monitored by the exchange have fallen by a third since January.</p>
</div><div class="read-next"><h3>Read next</h3><ul><li>Gold steadies</li></ul></div></div>
<footer>All quotes delayed a minimum of 15 minutes.</footer></body></html>""",
}

FEEDS = {
    "blog-atom.xml": """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Field Notes</title><link href="https://fieldnotes.example/"/>
<updated>2024-06-03T10:00:00Z</updated><id>urn:uuid:fieldnotes</id>
<generator uri="https://jekyllrb.com/">Jekyll</generator>
<entry><title>Bees return to the old orchard</title>
<link href="https://fieldnotes.example/bees"/><id>https://fieldnotes.example/bees</id>
<published>2024-06-03T10:00:00Z</published><updated>2024-06-03T10:00:00Z</updated>
<author><name>Lena Fischer</name></author>
<content type="html">&lt;p&gt;For the first time in a decade, wild bees have nested in the old
orchard behind the school, volunteers counting pollinators said this week.&lt;/p&gt;&lt;p&gt;The
volunteers planted wildflowers along the hedges two years ago.&lt;/p&gt;</content></entry>
<entry><title>A wet spring for the river</title><link href="https://fieldnotes.example/river"/>
<id>https://fieldnotes.example/river</id><published>2024-05-20T08:00:00Z</published>
<updated>2024-05-20T08:00:00Z</updated><author><name>Lena Fischer</name></author>
<content type="html">&lt;p&gt;The river rose to its highest May level since records began,
flooding the meadows twice in three weeks.&lt;/p&gt;</content></entry>
</feed>""",
    "rss2-content-encoded.xml": """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Valley Gazette</title><link>https://gazette.example</link>
<description>News from the valley</description>
<generator>https://wordpress.org/?v=6.5</generator>
<item><title>New bridge opens to traffic</title><link>https://gazette.example/bridge</link>
<dc:creator><![CDATA[Tom Hale]]></dc:creator><pubDate>Mon, 15 Apr 2024 08:00:00 +0000</pubDate>
<category><![CDATA[Transport]]></category>
<description><![CDATA[The new bridge over the Ash opened on Monday...]]></description>
<content:encoded><![CDATA[<p>The new bridge over the Ash opened to traffic on Monday, two
months ahead of schedule and under its $38 million budget.</p><h2>Shorter trips</h2><p>The
bridge cuts the drive between the two villages from 25 minutes to eight.</p><blockquote><p>It
changes everything for the farms on the east bank.</p><p>— Ruth Adams</p></blockquote>
]]></content:encoded></item>
<item><title>School board names new head</title><link>https://gazette.example/school</link>
<dc:creator><![CDATA[Ana Costa]]></dc:creator><pubDate>Fri, 12 Apr 2024 16:30:00 +0000</pubDate>
<content:encoded><![CDATA[<p>The school board named Joan Park as head of the valley
secondary school, starting in September.</p>]]></content:encoded></item>
<item><title></title><link>https://gazette.example/empty</link><content:encoded><![CDATA[]]>
</content:encoded></item>
</channel></rss>""",
}

OTHERS = {
    "article-yaml.md": """---
title: "Town clock restored after 40 years"
author: Ines Moreau
date: 2024-01-18
source: Hilltop Herald
tags: [heritage, town]
---

The town clock struck noon on Thursday for the first time in four decades, after volunteers
spent two years restoring its **hand-made** mechanism.

## Raising the money

The restoration cost about $85,000, raised from more than 600 donors.

- The mechanism dates from 1889
- Volunteers met every Saturday

> It sounds exactly as my grandmother described it.
> — Paul Ortiz
""",
    "article-toml.md": """+++
title = "Ferry timetable changes from May"
author = "Kim Lee"
date = 2024-04-02
source = "Island Post"
+++

The ferry to the mainland will run every 40 minutes instead of every hour from May, the
operator said, after passenger numbers rose by 18% last year.
""",
    "export.jsonl": "\n".join(
        [
            json.dumps(
                {
                    "title": "Market hall reopens",
                    "text": "The market hall reopened on "
                    "Saturday after a fire closed it last year.\n\nTraders said footfall was "
                    "strong.",
                    "url": "https://example.com/a",
                    "date": "2024-03-01",
                    "source": "City Wire",
                    "author": "R. Diaz",
                }
            ),
            '{"title": "broken line", "text": ',
            json.dumps(
                {
                    "headline": "Buses to run later",
                    "body": "Night buses will run until "
                    "2am from June, the transport authority said.",
                    "link": "https://example.com/b",
                    "published": "2024-04-11T10:00:00Z",
                }
            ),
        ]
    )
    + "\n",
    "export.json": json.dumps(
        {
            "articles": [
                {
                    "title": "Park gets new trees",
                    "content": "<p>Two hundred oaks were planted in "
                    "the central park on Sunday by volunteers.</p><p>The council paid for the "
                    "saplings."
                    "</p>",
                    "url": "https://example.com/c",
                    "source": {"name": "Green Daily"},
                },
            ]
        },
        indent=2,
    )
    + "\n",
}

EXPECTED = {
    "wordpress.html": {
        "format": "html",
        "title": "Harbour deepening plan approved despite fishing fears",
        "first": "The harbour authority approved a plan",
        "byline": "Dana Whitlock",
        "outlet": "Coastal Times",
        "date": "2024-03-12",
        "absent": ["Accept all cookies", "Great news for", "All rights reserved", "Sport"],
    },
    "ghost.html": {
        "format": "html",
        "title": "Rail strike called off after late pay offer",
        "first": "A national rail strike planned for Friday",
        "byline": "Priya Natarajan",
        "outlet": "The Junction",
        "date": "2024-05-02",
        "absent": ["Sign up for The Junction", "Accept all cookies"],
    },
    "substack.html": {
        "format": "html",
        "title": "Why the library vote matters",
        "first": "The council will vote next Monday",
        "byline": "Sam Okafor",
        "outlet": "Town Notes",
        "date": "2024-02-20",
        "absent": ["12 comments", "Sign in"],
    },
    "wire.html": {
        "format": "html",
        "title": "Copper hits two-year high on supply worries",
        "first": "LONDON (Newswire) - Copper prices rose",
        "byline": "Elena Petrova",
        "outlet": "Newswire",
        "date": "2024-04-09",
        "absent": ["Advertisement", "All quotes delayed", "Gold steadies"],
    },
    "blog-atom.xml": {
        "format": "feed",
        "articles": 2,
        "title": "Bees return to the old orchard",
        "first": "For the first time in a decade",
        "byline": "Lena Fischer",
        "outlet": "Field Notes",
        "date": "2024-06-03",
        "absent": [],
    },
    "rss2-content-encoded.xml": {
        "format": "feed",
        "articles": 2,
        "problems": 1,
        "title": "New bridge opens to traffic",
        "first": "The new bridge over the Ash opened",
        "byline": "Tom Hale",
        "outlet": "Valley Gazette",
        "date": "2024-04-15",
        "absent": [],
    },
    "article-yaml.md": {
        "format": "markdown",
        "title": "Town clock restored after 40 years",
        "first": "The town clock struck noon",
        "byline": "Ines Moreau",
        "outlet": "Hilltop Herald",
        "date": "2024-01-18",
        "absent": ["**", "---"],
    },
    "article-toml.md": {
        "format": "markdown",
        "title": "Ferry timetable changes from May",
        "first": "The ferry to the mainland",
        "byline": "Kim Lee",
        "outlet": "Island Post",
        "date": "2024-04-02",
        "absent": ["+++"],
    },
    "export.jsonl": {
        "format": "jsonl",
        "articles": 2,
        "problems": 1,
        "title": "Market hall reopens",
        "first": "The market hall reopened",
        "byline": "R. Diaz",
        "outlet": "City Wire",
        "date": "2024-03-01",
        "absent": [],
    },
    "export.json": {
        "format": "json",
        "title": "Park gets new trees",
        "first": "Two hundred oaks were planted",
        "byline": None,
        "outlet": "Green Daily",
        "date": None,
        "absent": ["<p>"],
    },
}

if __name__ == "__main__":
    for name, text in {**PAGES, **FEEDS, **OTHERS}.items():
        (HERE / name).write_text(text, encoding="utf-8")
    # Outside this folder, which tests load whole: it is not an article export.
    (HERE.parent / "format_expectations.json").write_text(json.dumps(EXPECTED, indent=1) + "\n")
