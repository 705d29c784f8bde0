/* test_quotes.c - analysis/markdown.c, quotes.c and attribution.c: the
 * prose mask, quotation marks and their pairing, stray marks, speakers,
 * cues and mentions, and hostile input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analysis_internal.h"

static an_doc *doc_of(const char *text, an_format format)
{
    an_options opt = an_options_default();
    opt.format = format;
    an_doc *doc = an_doc_new(text, strlen(text), &opt);
    assert_non_null(doc);
    return doc;
}

static const an_quote *quotes_of(const an_doc *doc, size_t *n)
{
    return an_doc_quotes(doc, n);
}

/* The quote's text, for messages. */
static void assert_quote_text(const an_doc *doc, const an_quote *q, const char *want)
{
    an_str t = an_doc_text(doc);
    assert_true(q->span.end <= t.len);
    assert_int_equal(q->span.end - q->span.start, strlen(want));
    assert_memory_equal(t.ptr + q->span.start, want, strlen(want));
}

static const char *speaker_name(const an_doc *doc, const an_quote *q)
{
    size_t n;
    const an_entity *e = an_doc_entities(doc, &n);
    return q->speaker >= 0 && (size_t)q->speaker < n ? e[q->speaker].name.ptr : NULL;
}

static void assert_span_text(const an_doc *doc, an_span sp, const char *want)
{
    an_str t = an_doc_text(doc);
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(t.ptr + sp.start, want, strlen(want));
}

/* ---- prose mask ---------------------------------------------------------- */

static void test_plain_prose_is_text(void **state)
{
    (void)state;
    an_doc *doc = doc_of("A `b` <i>c</i> [d](e)\n", AN_FORMAT_PLAIN);
    assert_memory_equal(doc->prose, doc->text, doc->len);
    an_doc_free(doc);
}

static void test_markdown_mask_keeps_offsets(void **state)
{
    (void)state;
    const char *md = "---\ntitle: \"x\"\n---\n# Head\n\nSay `code \"q\"` and [link](http://x.org \"t\") <b>hi</b>.\n\n```\n\"no\"\n```\n";
    an_doc *doc = doc_of(md, AN_FORMAT_MARKDOWN);
    assert_int_equal(strlen(doc->prose), strlen(md));
    for (size_t i = 0; i < doc->len; i++)
        assert_true((md[i] == '\n') == (doc->prose[i] == '\n'));
    /* front matter, code, link target and title, HTML tags are spaces */
    assert_null(strstr(doc->prose, "title"));
    assert_null(strstr(doc->prose, "code"));
    assert_null(strstr(doc->prose, "http"));
    assert_null(strstr(doc->prose, "<b>"));
    assert_null(strstr(doc->prose, "\"no\""));
    assert_non_null(strstr(doc->prose, "Head"));
    assert_non_null(strstr(doc->prose, "link"));
    assert_non_null(strstr(doc->prose, "hi"));
    assert_int_equal(doc->prose[strstr(md, "# Head") - md], ' ');
    size_t n;
    quotes_of(doc, &n);
    assert_int_equal(n, 0);
    an_doc_free(doc);
}

/* ---- quotation marks ------------------------------------------------------ */

static void test_curly_and_straight(void **state)
{
    (void)state;
    an_doc *doc = doc_of("“We will win,” said Ann Lee.\n\n\"We lost,\" Bob Stone said.\n", AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_quote_text(doc, &q[0], "“We will win,”");
    assert_quote_text(doc, &q[1], "\"We lost,\"");
    assert_false(q[0].flags & (AN_QUOTE_UNCLOSED | AN_QUOTE_NOT_SPEECH));
    an_doc_free(doc);
}

static void test_apostrophes_are_not_marks(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Iran’s men don’t like the ’90s, rock ’n’ roll or the Joneses’ dog. "
                         "It's Bob's 'n' car from '98.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    quotes_of(doc, &n);
    assert_int_equal(n, 0);
    assert_int_equal(doc->n_stray_marks, 0);
    an_doc_free(doc);
}

/* A quote ending in an apostrophe ("Truckin'", ISIS') is closed by the
 * double mark after it, not by the apostrophe; a lone typo' still closes a
 * short quote when no double mark follows in the paragraph. */
static void test_apostrophe_before_the_closing_mark(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Songs such as \"Dark Star\" and \"Truckin'\" in the 1970s.\n\n"
                         "\"This will lead to ISIS' reemergence. It is a win for ISIS,\" he said.\n\n"
                         "He said: \"'one in, all in'. I did what anyone would do.\"\n\n"
                         "They called it \"a typo' and moved on.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 5);
    assert_quote_text(doc, &q[1], "\"Truckin'\"");
    assert_quote_text(doc, &q[2], "\"This will lead to ISIS' reemergence. It is a win for ISIS,\"");
    assert_quote_text(doc, &q[3], "\"'one in, all in'. I did what anyone would do.\"");
    assert_quote_text(doc, &q[4], "\"a typo'");
    assert_int_equal(doc->n_stray_marks, 0);
    an_doc_free(doc);
}

static void test_nested_single_is_inside(void **state)
{
    (void)state;
    an_doc *doc = doc_of("\"He told me ‘no’ and 'never,' twice,\" said Ann Lee.\n", AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 1);
    assert_quote_text(doc, &q[0], "\"He told me ‘no’ and 'never,' twice,\"");
    an_doc_free(doc);
}

static void test_running_quote(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Ann Lee spoke.\n\n\"First part.\n\n\"Second part.\n\n\"Last part,\" Lee said.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 3);
    assert_quote_text(doc, &q[0], "\"First part.");
    assert_true(q[0].flags & AN_QUOTE_UNCLOSED);
    assert_false(q[0].flags & AN_QUOTE_CONTINUATION);
    assert_true(q[1].flags & AN_QUOTE_UNCLOSED);
    assert_true(q[1].flags & AN_QUOTE_CONTINUATION);
    assert_false(q[2].flags & AN_QUOTE_UNCLOSED);
    assert_true(q[2].flags & AN_QUOTE_CONTINUATION);
    assert_int_equal(doc->n_stray_marks, 0);
    an_doc_free(doc);
}

static void test_running_quote_without_opening_mark(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Ann Lee said, \"We learned a lot.\n\nIt was a good day.\" Then she left.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_quote_text(doc, &q[1], "It was a good day.\"");
    assert_true(q[1].flags & AN_QUOTE_CONTINUATION);
    an_doc_free(doc);
}

static void test_stray_marks(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Ann Lee said it was \"final.\n\nNobody agreed.\n\nThe vote is today,\" a clerk said.\n",
                         AN_FORMAT_PLAIN);
    assert_int_equal(doc->n_stray_marks, 2);
    const char *t = doc->text;
    assert_int_equal(t[doc->stray_marks[0].start], '"');
    assert_true(doc->stray_marks[0].start < doc->stray_marks[1].start);
    assert_int_equal(strncmp(t + doc->stray_marks[1].start - 6, "today,\"", 7), 0);
    an_doc_free(doc);
}

static void test_headline_and_not_speech(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Mayor calls plan 'dead'\n\nProsecutors say James \"Whitey\" Bulger ran it. "
                         "She read the book \"The Long Road Home\" and called it \"a triumph\" in a "
                         "review.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 4);
    assert_true(q[0].flags & AN_QUOTE_HEADLINE);
    assert_true(q[0].flags & AN_QUOTE_NOT_SPEECH);
    assert_quote_text(doc, &q[1], "\"Whitey\"");
    assert_true(q[1].flags & AN_QUOTE_NOT_SPEECH);
    assert_true(q[2].flags & AN_QUOTE_NOT_SPEECH);
    assert_quote_text(doc, &q[3], "\"a triumph\"");
    assert_false(q[3].flags & AN_QUOTE_NOT_SPEECH);
    assert_true(q[3].flags & AN_QUOTE_PARTIAL);
    an_doc_free(doc);
}

/* A short quote that nothing attributes, right before a lowercase noun it
 * modifies, is a term. An attributed one stays a partial quote. */
static void test_quoted_term_before_a_noun(void **state)
{
    (void)state;
    an_doc *doc = doc_of("The site features \"free as in beer\" content. Hong Kong keeps its "
                         "\"one country, two systems\" model. Lee said the change has a "
                         "\"strong rationale\". Lee said it was an \"unfair and rushed\" process.\n\n"
                         "The cost was \"far too high for a small club\" by any measure.\n\n"
                         "\"We won this one\" coach Ann Lee said.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 6);
    assert_true(q[0].flags & AN_QUOTE_NOT_SPEECH);
    assert_true(q[1].flags & AN_QUOTE_NOT_SPEECH);
    assert_quote_text(doc, &q[2], "\"strong rationale\"");
    assert_false(q[2].flags & AN_QUOTE_NOT_SPEECH);
    assert_quote_text(doc, &q[3], "\"unfair and rushed\"");
    assert_false(q[3].flags & AN_QUOTE_NOT_SPEECH); /* "Lee said" attributes it */
    assert_false(q[4].flags & AN_QUOTE_NOT_SPEECH); /* before "by" */
    assert_quote_text(doc, &q[5], "\"We won this one\"");
    assert_false(q[5].flags & AN_QUOTE_NOT_SPEECH); /* before a role noun */
    an_doc_free(doc);
}

static void test_markdown_code_is_ignored(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Run `say \"hi\"` now.\n\n    \"indented code\"\n\n```\n\"fenced\"\n```\n\n"
                         "\"Real one,\" said Ann Lee.\n",
                         AN_FORMAT_MARKDOWN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 1);
    assert_quote_text(doc, &q[0], "\"Real one,\"");
    an_doc_free(doc);
}

/* ---- attribution ------------------------------------------------------------ */

static void test_said_name_and_name_said(void **state)
{
    (void)state;
    an_doc *doc = doc_of("\"We will win,\" said Ann Lee, the coach.\n\n"
                         "Bob Stone, a fan, said: \"They will lose.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n, nm;
    const an_quote *q = quotes_of(doc, &n);
    const an_mention *m = an_doc_mentions(doc, &nm);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_span_text(doc, q[0].cue, "said");
    assert_true(q[0].speaker_mention >= 0);
    assert_span_text(doc, m[q[0].speaker_mention].span, "Ann Lee");
    assert_string_equal(speaker_name(doc, &q[1]), "Bob Stone");
    an_doc_free(doc);
}

/* A quote that starts its sentence takes the cue right after it even
 * without a comma; a document noun phrase after "reads" speaks, while a
 * quote inside a phrase takes no cue after it. */
static void test_inverted_without_comma_and_reads(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Ann Lee, the coach, spoke first.\n\n"
                         "\"We stand ready\" tweeted Bob Stone \"to help.\"\n\n"
                         "\"Cases are rising\", reads the report.\n\n"
                         "\"We wanted to know\" said lead author Professor Carl Moss.\n\n"
                         "\"The party complies,\" the party informed the press.\n\n"
                         "The \"History\" section explains it.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 6);
    assert_string_equal(speaker_name(doc, &q[0]), "Bob Stone");
    assert_span_text(doc, q[0].cue, "tweeted");
    assert_span_text(doc, q[2].cue, "reads");
    assert_span_text(doc, q[2].source_phrase, "the report");
    assert_string_equal(speaker_name(doc, &q[3]), "Carl Moss");
    assert_span_text(doc, q[4].cue, "informed");
    assert_true(q[5].cue.end == q[5].cue.start);
    an_doc_free(doc);
}

/* A quote that starts a sentence with no attribution of its own takes the
 * person the sentence before is about; an organization's sentence gives
 * none ("Four Navy ships are searching"). */
static void test_sentence_before_names_the_speaker(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Actress Ann Lee spoke on Monday.\n\n"
                         "Unhappy with the role, she left the series early. \"This is not what "
                         "I wanted.\"\n\n"
                         "The search goes on. Four Navy ships are searching. \"We will go on.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_null(speaker_name(doc, &q[1]));
    an_doc_free(doc);
}

static void test_pronoun_speaker(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Foreign Minister Ann Lee arrived on Monday.\n\n\"We are ready,\" she said.\n",
                         AN_FORMAT_PLAIN);
    size_t n, nm;
    const an_quote *q = quotes_of(doc, &n);
    const an_mention *m = an_doc_mentions(doc, &nm);
    assert_int_equal(n, 1);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_true(q[0].speaker_mention >= 0);
    assert_int_equal(m[q[0].speaker_mention].kind, AN_MENTION_PRONOUN);
    assert_span_text(doc, m[q[0].speaker_mention].span, "she");
    an_doc_free(doc);
}

/* "He" after a sentence with two men is its subject, not its object; a
 * sentence that ends in a quote ends there. */
static void test_pronoun_prefers_the_subject(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Michael Bloomberg endorsed his former rival, Joe Biden. \"Three months "
                         "ago,\" he said.\n\nProfessor Pradeep Khosla praised Munk. Director "
                         "Margaret Leinen said \"Munk was a treasure.\" She described him as "
                         "\"a guiding force.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 3);
    assert_string_equal(speaker_name(doc, &q[0]), "Michael Bloomberg");
    assert_string_equal(speaker_name(doc, &q[2]), "Margaret Leinen");
    an_doc_free(doc);
}

/* "The father said", "the president called": the person named before
 * whose title or gender fits; "the spokesperson" and a title with other
 * words stay unnamed. */
static void test_role_noun_speaker(void **state)
{
    (void)state;
    an_doc *doc = doc_of("David Turpin and Louise Turpin were sentenced.\n\n\"I love my "
                         "children,\" the father said. \"I miss them,\" the mother said.\n\n"
                         "Aviation Minister Hardeep Puri visited. \"They were rushed to "
                         "hospital,\" the local health minister said. \"No,\" the spokesperson "
                         "added.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 4);
    assert_string_equal(speaker_name(doc, &q[0]), "David Turpin");
    assert_string_equal(speaker_name(doc, &q[1]), "Louise Turpin");
    assert_int_equal(q[2].speaker, -1);
    assert_int_equal(q[3].speaker, -1);
    an_doc_free(doc);
}

/* "Steve Smith of the University of Essex said": the person speaks, not
 * the organization after "of". */
static void test_affiliation_is_not_the_speaker(void **state)
{
    (void)state;
    an_doc *doc = doc_of("The court ruled on Monday.\n\nSteve Smith of the University of Essex, "
                         "speaking to the BBC, said, \"It is fine.\" Yvette Cooper of the Labour "
                         "Party added, \"No.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Steve Smith");
    assert_string_equal(speaker_name(doc, &q[1]), "Yvette Cooper");
    an_doc_free(doc);
}

static void test_interrupted_and_continuation(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Coach Ann Lee was asked about the final.\n\n"
                         "\"We are tired,\" she said, \"but not finished.\"\n\n"
                         "\"We will be back next year.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 3);
    assert_int_equal(q[0].speaker_mention, q[1].speaker_mention);
    assert_string_equal(speaker_name(doc, &q[1]), "Ann Lee");
    assert_string_equal(speaker_name(doc, &q[2]), "Ann Lee");
    assert_int_equal(q[2].speaker_mention, -1);
    assert_true(q[2].flags & AN_QUOTE_CONTINUATION);
    an_doc_free(doc);
}

/* A quote inside another paragraph's sentence is that sentence's: the
 * last speaker is not carried into it, its own subject speaks. */
static void test_no_continuation_into_another_sentence(void **state)
{
    (void)state;
    an_doc *doc = doc_of("Coach Ann Lee spoke after the final.\n\n"
                         "\"We are tired,\" Lee said.\n\n"
                         "Club captain Tom Hart watched from the bench. He looked at the season as a "
                         "\"long road with a good end\" before leaving.\n\n"
                         "\"We will be back,\" Hart said.\n\n"
                         "What about the adage, \"Those who forget history are doomed to repeat it\"?\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 4);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_string_equal(speaker_name(doc, &q[1]), "Tom Hart"); /* "He", not Lee carried on */
    assert_false(q[1].flags & AN_QUOTE_CONTINUATION);
    assert_string_equal(speaker_name(doc, &q[2]), "Tom Hart");
    assert_null(speaker_name(doc, &q[3])); /* the question's, not Hart's */
    assert_false(q[3].flags & AN_QUOTE_CONTINUATION);
    an_doc_free(doc);
}

/* The last speaker is carried forward only until someone else is named. */
static void test_continuation_stops_at_another_person(void **state)
{
    (void)state;
    an_doc *doc = doc_of("\"We are tired,\" coach Ann Lee said.\n\n"
                         "The club's owner, Tom Hart, spoke to the players after the match.\n\n"
                         "\"We will be back next year.\"\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_string_equal(speaker_name(doc, &q[1]), "Tom Hart");
    assert_false(q[1].flags & AN_QUOTE_CONTINUATION);
    an_doc_free(doc);
}

/* A role set off by commas before or after the name: the name speaks. */
static void test_role_then_name_appositive(void **state)
{
    (void)state;
    an_doc *doc = doc_of("The ceremony was held on Sunday.\n\n"
                         "\"This day is very hard for me,\" said his father, Abdullah Kurdi, after "
                         "the ceremony.\n\n"
                         "\"We will rebuild,\" the city's mayor, Tom Hart, said.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Abdullah Kurdi");
    assert_string_equal(speaker_name(doc, &q[1]), "Tom Hart");
    an_doc_free(doc);
}

/* The one abbreviation list of attribution and the rules: every word of
 * it is found (the binary search needs it sorted), near misses are not,
 * and a period after one ends no sentence for the speaker search. */
static void test_abbreviation_words(void **state)
{
    (void)state;
    static const char *const yes[] = {"Adm", "Aug", "Co", "Col", "Corp", "Dr", "Inc", "Jan", "Lt",
                                      "Ltd", "Maj", "Mr", "Mrs", "Ms", "Sept", "St", "Supt", "vs"};
    static const char *const no[] = {"A", "Ad", "Cor", "Mx", "Inca", "Mrss", "VS", "Z", "zz", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(an__abbreviation_word(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(an__abbreviation_word(no[i], strlen(no[i])));
    assert_false(an__abbreviation_word("Mr\0x", 4)); /* a NUL inside: in no list */
    an_doc *doc = doc_of("The plant opened in Jan. 2019, said Maj. Tom Hart of Acme Corp. \"We "
                         "are proud,\" he said.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 1);
    assert_string_equal(speaker_name(doc, &q[0]), "Tom Hart");
    an_doc_free(doc);
}

static void test_according_to_and_unnamed_source(void **state)
{
    (void)state;
    an_doc *doc = doc_of("According to Ann Lee, the plan was \"dead on arrival.\"\n\n"
                         "\"Nothing is agreed,\" a senior official said.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 2);
    assert_string_equal(speaker_name(doc, &q[0]), "Ann Lee");
    assert_span_text(doc, q[0].cue, "According to");
    assert_int_equal(q[1].speaker, -1);
    assert_span_text(doc, q[1].source_phrase, "a senior official");
    an_doc_free(doc);
}

static void test_organization_speaker(void **state)
{
    (void)state;
    an_doc *doc = doc_of("The Ministry of Transport closed the bridge.\n\n"
                         "\"Repairs will take a week,\" the ministry said in a statement.\n",
                         AN_FORMAT_PLAIN);
    size_t n;
    const an_quote *q = quotes_of(doc, &n);
    assert_int_equal(n, 1);
    assert_string_equal(speaker_name(doc, &q[0]), "Ministry of Transport");
    assert_span_text(doc, q[0].cue, "said in a statement");
    an_doc_free(doc);
}

/* ---- hostile input ----------------------------------------------------------- */

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void analyse_bytes(const char *buf, size_t len, an_format format)
{
    an_options opt = an_options_default();
    opt.format = format;
    an_doc *doc = an_doc_new(buf, len, &opt);
    assert_non_null(doc);
    size_t n;
    const an_quote *q = an_doc_quotes(doc, &n);
    for (size_t i = 0; i < n; i++)
        assert_true(q[i].span.start < q[i].span.end && q[i].span.end <= len);
    for (size_t i = 0; i < doc->n_stray_marks; i++)
        assert_true(doc->stray_marks[i].end <= len);
    an_doc_free(doc);
}

static void test_hostile_bytes(void **state)
{
    (void)state;
    const char nul[] = "\"a\0b,\" he said\0 \xff\xfe\xe2\x80 \xe2\x80\x9c x \xe2\x80";
    analyse_bytes(nul, sizeof nul - 1, AN_FORMAT_PLAIN);
    analyse_bytes(nul, sizeof nul - 1, AN_FORMAT_MARKDOWN);
    analyse_bytes("", 0, AN_FORMAT_PLAIN);
    analyse_bytes("\"", 1, AN_FORMAT_MARKDOWN);
    analyse_bytes("\xe2\x80\x9c", 3, AN_FORMAT_PLAIN);
    analyse_bytes("\xe2\x80", 2, AN_FORMAT_PLAIN);
    /* every byte value around quotation marks */
    char buf[3 * 256];
    for (int i = 0; i < 256; i++) {
        buf[3 * i] = '"';
        buf[3 * i + 1] = (char)i;
        buf[3 * i + 2] = '\'';
    }
    analyse_bytes(buf, sizeof buf, AN_FORMAT_PLAIN);
    analyse_bytes(buf, sizeof buf, AN_FORMAT_MARKDOWN);
}

/* A million marks, and one 4 MB line: linear time (generous bound). */
static void test_many_marks_stay_linear(void **state)
{
    (void)state;
    size_t len = 1000000;
    char *buf = malloc(4 * len);
    assert_non_null(buf);
    memset(buf, '"', len);
    double t0 = seconds();
    analyse_bytes(buf, len, AN_FORMAT_PLAIN);
    for (size_t i = 0; i < len; i++)
        memcpy(buf + 4 * i, i % 3 ? "\"a \xe2" : "' ,\"", 4);
    analyse_bytes(buf, 4 * len, AN_FORMAT_PLAIN);
    const char *unit = "\"Yes,\" he said, \"no.\" ";
    size_t ul = strlen(unit);
    for (size_t i = 0; i + ul <= 4 * len; i += ul)
        memcpy(buf + i, unit, ul);
    analyse_bytes(buf, 4 * len / ul * ul, AN_FORMAT_PLAIN);
    assert_true(seconds() - t0 < 60.0);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_prose_is_text),
        cmocka_unit_test(test_markdown_mask_keeps_offsets),
        cmocka_unit_test(test_curly_and_straight),
        cmocka_unit_test(test_apostrophes_are_not_marks),
        cmocka_unit_test(test_apostrophe_before_the_closing_mark),
        cmocka_unit_test(test_nested_single_is_inside),
        cmocka_unit_test(test_running_quote),
        cmocka_unit_test(test_running_quote_without_opening_mark),
        cmocka_unit_test(test_stray_marks),
        cmocka_unit_test(test_headline_and_not_speech),
        cmocka_unit_test(test_quoted_term_before_a_noun),
        cmocka_unit_test(test_markdown_code_is_ignored),
        cmocka_unit_test(test_said_name_and_name_said),
        cmocka_unit_test(test_inverted_without_comma_and_reads),
        cmocka_unit_test(test_sentence_before_names_the_speaker),
        cmocka_unit_test(test_pronoun_speaker),
        cmocka_unit_test(test_pronoun_prefers_the_subject),
        cmocka_unit_test(test_role_noun_speaker),
        cmocka_unit_test(test_affiliation_is_not_the_speaker),
        cmocka_unit_test(test_interrupted_and_continuation),
        cmocka_unit_test(test_no_continuation_into_another_sentence),
        cmocka_unit_test(test_continuation_stops_at_another_person),
        cmocka_unit_test(test_role_then_name_appositive),
        cmocka_unit_test(test_abbreviation_words),
        cmocka_unit_test(test_according_to_and_unnamed_source),
        cmocka_unit_test(test_organization_speaker),
        cmocka_unit_test(test_hostile_bytes),
        cmocka_unit_test(test_many_marks_stay_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
