/* test_entities.c - the entity pass: people, organizations, their mentions,
 * and the lookups of entities.h. Golden-style: a text in, the names out. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis.h"
#include "analysis_internal.h"
#include "entities.h"
#include "lexicon.h"

/* The entity of kind `kind` named `name`, or NULL. */
static const an_entity *find_entity(const an_doc *doc, an_entity_kind kind, const char *name)
{
    size_t n;
    const an_entity *e = an_doc_entities(doc, &n);
    for (size_t i = 0; i < n; i++)
        if (e[i].kind == kind && strcmp(e[i].name.ptr, name) == 0)
            return &e[i];
    return NULL;
}

static size_t count_kind(const an_doc *doc, an_entity_kind kind)
{
    size_t n, k = 0;
    const an_entity *e = an_doc_entities(doc, &n);
    for (size_t i = 0; i < n; i++)
        k += e[i].kind == kind;
    return k;
}

/* Whether the entity has a non-pronoun mention whose text is `text`,
 * optionally of the given kind (-1: any). */
static int has_mention(const an_doc *doc, const an_entity *e, const char *text, int kind)
{
    size_t n;
    const an_mention *m = an_doc_mentions(doc, &n);
    an_str t = an_doc_text(doc);
    for (size_t i = 0; e && i < e->n_mentions; i++) {
        const an_mention *x = &m[e->mentions[i]];
        size_t len = x->span.end - x->span.start;
        if (x->kind != AN_MENTION_PRONOUN && len == strlen(text) &&
            memcmp(t.ptr + x->span.start, text, len) == 0 && (kind < 0 || (int)x->kind == kind))
            return 1;
    }
    return 0;
}

static an_doc *analyze(const char *text)
{
    an_doc *doc = an_doc_new(text, strlen(text), NULL);
    assert_non_null(doc);
    return doc;
}

static void test_seed_sentences(void **state)
{
    (void)state;
    an_doc *doc = analyze(
        "In Tehran, Foreign Minister Manouchehr Mottaki said his government would agree.\n\n"
        "Patrick Clawson, a Mideast analyst at the Washington Institute for Near East Policy, "
        "said the Bush administration might doubt it. Clawson said Congress agreed.\n");
    const an_entity *m = find_entity(doc, AN_ENTITY_PERSON, "Manouchehr Mottaki");
    assert_non_null(m);
    assert_string_equal(m->title.ptr, "Foreign Minister");
    const an_entity *c = find_entity(doc, AN_ENTITY_PERSON, "Patrick Clawson");
    assert_non_null(c);
    assert_true(has_mention(doc, c, "Clawson", AN_MENTION_SURNAME));
    assert_string_equal(c->title.ptr, "Mideast analyst at the Washington Institute for Near East Policy");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Washington Institute for Near East Policy"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Bush administration"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Congress"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Tehran"));
    an_doc_free(doc);
}

static void test_particles_and_diacritics(void **state)
{
    (void)state;
    an_doc *doc = analyze(
        "Prime Minister Nouri al-Maliki met Juan de la Cruz and Shaun O\xE2\x80\x99Neill on "
        "Monday. Zo\xC3\xAB Baird, a lawyer, joined them. Later Maliki spoke, and Cruz and "
        "O\xE2\x80\x99Neill listened while Baird took notes.\n");
    const an_entity *m = find_entity(doc, AN_ENTITY_PERSON, "Nouri al-Maliki");
    assert_non_null(m);
    assert_string_equal(m->title.ptr, "Prime Minister");
    assert_true(has_mention(doc, m, "Maliki", -1));
    const an_entity *c = find_entity(doc, AN_ENTITY_PERSON, "Juan de la Cruz");
    assert_non_null(c);
    assert_true(has_mention(doc, c, "Cruz", -1));
    const an_entity *o = find_entity(doc, AN_ENTITY_PERSON, "Shaun O\xE2\x80\x99Neill");
    assert_non_null(o);
    assert_true(has_mention(doc, o, "O\xE2\x80\x99Neill", AN_MENTION_SURNAME));
    const an_entity *z = find_entity(doc, AN_ENTITY_PERSON, "Zo\xC3\xAB Baird");
    assert_non_null(z);
    assert_true(has_mention(doc, z, "Baird", -1));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Monday"));
    an_doc_free(doc);
}

static void test_possessives(void **state)
{
    (void)state;
    an_doc *doc = analyze("Patrick Clawson\xE2\x80\x99s study was cited. Clawson's critics "
                          "disagreed with the State Department\xE2\x80\x99s view.\n");
    const an_entity *c = find_entity(doc, AN_ENTITY_PERSON, "Patrick Clawson");
    assert_non_null(c);
    assert_true(has_mention(doc, c, "Patrick Clawson", AN_MENTION_NAME));
    assert_true(has_mention(doc, c, "Clawson", AN_MENTION_SURNAME));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "State Department"));
    an_doc_free(doc);
}

/* A calendar word as a surname after a given name; dates stay dates. */
static void test_calendar_surnames(void **state)
{
    (void)state;
    an_doc *doc = analyze("Prime Minister Theresa May spoke on Friday. The comic was drawn by "
                          "illustrator Johnnie Christmas. \"We will win,\" May said in May.\n\n"
                          "The vote was held in May 2019. Maria June 5 was the deadline.\n");
    const an_entity *may = find_entity(doc, AN_ENTITY_PERSON, "Theresa May");
    assert_non_null(may);
    assert_true(has_mention(doc, may, "May", AN_MENTION_SURNAME));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Johnnie Christmas"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Maria June"));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 2);
    an_doc_free(doc);

    /* A day after a name is the date, even a day that is a given name. */
    doc = analyze("Wikinews interviews the International Brotherhood of Magicians Wednesday, "
                  "October 9, 2013\n\nThe writer Aner Shalev Wednesday said he was tired.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "International Brotherhood of Magicians"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Aner Shalev"));
    an_doc_free(doc);
}

/* A titled surname and the full name are one person, whichever is
 * resolved first. */
static void test_titled_surname_and_full_name(void **state)
{
    (void)state;
    an_doc *doc = analyze("The mayor, Pawel Adamowicz, was stabbed. Donald Tusk wrote \"Let us "
                          "pray for Mayor Adamowicz.\" General Soleimani was killed by a drone "
                          "that targeted Qasem Soleimani.\n");
    const an_entity *a = find_entity(doc, AN_ENTITY_PERSON, "Pawel Adamowicz");
    assert_non_null(a);
    assert_true(has_mention(doc, a, "Adamowicz", -1));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Qasem Soleimani"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Adamowicz"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Soleimani"));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 3);
    an_doc_free(doc);
}

/* A given name after a role noun is a person, even when it also names a
 * place (Mary, Turkmenistan); a country after "member" is not. */
static void test_given_name_after_role_noun(void **state)
{
    (void)state;
    an_doc *doc = analyze("The funeral was held on Monday. His wife Mary said the service was "
                          "moving. Her husband Jordan thanked the nurses. EU member Poland objected.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Mary"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Jordan"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Poland"));
    an_doc_free(doc);
}

/* Post-nominal letters after a name are not part of it. */
static void test_post_nominal_letters(void **state)
{
    (void)state;
    an_doc *doc = analyze("The hearing ended on Monday. Prosecutor Kama Melly QC said the case was "
                          "closed. Later Jane Doe MP said she agreed, and Sir John Smith OBE "
                          "thanked the court.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Kama Melly"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Jane Doe"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "John Smith"));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 3);
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 0);
    an_doc_free(doc);
}

/* An organization's head word, then a place: the place is part of the
 * name. Newspapers and services by their head words. */
static void test_org_head_then_place(void **state)
{
    (void)state;
    an_doc *doc = analyze("On Friday, researchers at Imperial College London posted findings. "
                          "The nominee of the Socialist Party USA spoke later, according to the "
                          "Baltimore Sun and the Cyprus Mail, and the Florida Highway Patrol. "
                          "Data came from the Centers for Disease Control and Prevention. Watts "
                          "was leaving Blues Incorporated for The Rolling Stones.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Imperial College London"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Socialist Party USA"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Baltimore Sun"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Cyprus Mail"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Florida Highway Patrol"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Centers for Disease Control and Prevention"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Blues Incorporated"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Rolling Stones"));
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 8);
    an_doc_free(doc);
}

/* A bare surname two people share is the one introduced first. */
static void test_shared_surname_is_the_first_introduced(void **state)
{
    (void)state;
    an_doc *doc = analyze("President Donald Trump spoke on Monday. Trump said the economy was "
                          "strong. His wife, Melania Trump, visited a school in Ohio. Trump later "
                          "flew to Florida.\n");
    const an_entity *d = find_entity(doc, AN_ENTITY_PERSON, "Donald Trump");
    const an_entity *m = find_entity(doc, AN_ENTITY_PERSON, "Melania Trump");
    assert_non_null(d);
    assert_non_null(m);
    assert_int_equal(d->n_mentions, 3);
    assert_int_equal(m->n_mentions, 1);
    an_doc_free(doc);
}

/* A known organization, then one of its offices: the organization. */
static void test_org_then_office(void **state)
{
    (void)state;
    an_doc *doc = analyze("It came after the United Nations High Commissioner for Refugees "
                          "recommended it, and UN Secretary-General Antonio Guterres spoke.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "United Nations"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Antonio Guterres"));
    an_doc_free(doc);
    doc = analyze("The United Nations General Assembly met in New York.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "United Nations General Assembly"));
    an_doc_free(doc);
}

/* A given name before a compass word: the compass word is a surname;
 * a place or a dictionary word before it is no given name. */
static void test_compass_surname(void **state)
{
    (void)state;
    an_doc *doc = analyze("On Monday, rapper Kanye West made an announcement. Later West said he "
                          "would run. Storms hit Virginia West and the region.\n");
    const an_entity *k = find_entity(doc, AN_ENTITY_PERSON, "Kanye West");
    assert_non_null(k);
    assert_true(has_mention(doc, k, "West", -1));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Virginia West"));
    an_doc_free(doc);
}

/* "Denmark-based", "Kurdish-led" are adjectives, not part of a name; after
 * a plural noun for organizations, "and" joins two of them; a telescope,
 * a carnival or a convention is no person, a time zone no organization. */
static void test_org_nouns_and_modifiers(void **state)
{
    (void)state;
    an_doc *doc = analyze("On Thursday, UK-based retailer Tesco and Denmark-based retailer Salling "
                          "Group announced a deal. Store chains Woolworths and Coles set limits, "
                          "and Coles said demand was high. The Kurdish-led Syrian Democratic "
                          "Forces agreed. The James Webb Space Telescope will look, and Webb "
                          "will see far.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Syrian Democratic Forces"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "James Webb Space Telescope"));
    an_doc_free(doc);
    doc = analyze("We went to the Eureka Springs Cavalcade and the Winter Carnival, then the "
                  "Green National Convention.\n");
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Winter Carnival"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Green National Convention"));
    an_doc_free(doc);
    doc = analyze("The plane landed at 9:54 a.m. ET (1354 UTC) and left at 2 p.m. PT.\n");
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "ET"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "PT"));
    an_doc_free(doc);
    doc = analyze("A coronagraph can observe the Sun Corona. Venus Williams won and Sun Yang "
                  "swam.\n");
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Sun Corona"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Venus Williams"));
    an_doc_free(doc);
    doc = analyze("On Thursday, UK-based retailer Tesco and Denmark-based retailer Salling "
                  "Group announced a deal. Store chains Woolworths and Coles set limits, "
                  "and Coles said demand was high.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Tesco"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Salling Group"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Tesco and Denmark-based"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Woolworths"));
    const an_entity *c = find_entity(doc, AN_ENTITY_ORGANIZATION, "Coles");
    assert_non_null(c);
    assert_int_equal(c->n_mentions, 2);
    an_doc_free(doc);
}

/* A plural noun for organizations with "such as", "including" or "like"
 * makes the names of its list organizations; a person in such a list
 * stays a person. */
static void test_org_list_after_plural_noun(void **state)
{
    (void)state;
    an_doc *doc = analyze("It gave money to charities such as the Wikimedia Foundation and Zorvex "
                          "Commons. It was covered by publications including Quillbird, Marrowtown "
                          "and the Daily Planet. She sang with big bands, such as Les Brown and "
                          "others.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Wikimedia Foundation"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Zorvex Commons"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Quillbird"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Marrowtown"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Les Brown"));
    an_doc_free(doc);
}

/* A draft's organization keeps its name when a guessed person starts with
 * it ("Tesco Polska"); a surname stays the person's. */
static void test_org_first_word_of_guessed_person(void **state)
{
    (void)state;
    an_doc *doc = analyze("The supermarket chain Tesco is leaving Poland. Tesco Polska has cut jobs. "
                          "Later, Tesco said it would sell.\n");
    const an_entity *t = find_entity(doc, AN_ENTITY_ORGANIZATION, "Tesco");
    assert_non_null(t);
    assert_int_equal(t->n_mentions, 2);
    an_doc_free(doc);
    doc = analyze("Michael Bloomberg spoke on Monday. Bloomberg said he would run.\n");
    const an_entity *b = find_entity(doc, AN_ENTITY_PERSON, "Michael Bloomberg");
    assert_non_null(b);
    assert_int_equal(b->n_mentions, 2);
    an_doc_free(doc);
}

/* A one-word name that a "he" or "she" takes up is a person; not one that
 * "it" takes up, nor a town after "is". */
static void test_pronoun_takes_up_one_word_name(void **state)
{
    (void)state;
    an_doc *doc = analyze("The deal was that Kovalenko agreed to a concession: he agreed to leave. "
                          "When Zorvex opened the plant, it cut jobs. Smallville is where she grew "
                          "up.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Kovalenko"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Zorvex"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Smallville"));
    an_doc_free(doc);
}

/* A bare surname two people share finds the full names even when many
 * bare uses of it come between. */
static void test_shared_surname_far_from_full_names(void **state)
{
    (void)state;
    char text[8192] = "Joe Kovalenko, the governor, spoke on Monday. His son Hunter Kovalenko "
                      "was there.";
    for (int i = 0; i < 80; i++)
        strcat(text, " Kovalenko said no.");
    strcat(text, " Later Kovalenko called the mayor a liar.\n");
    an_doc *doc = analyze(text);
    const an_entity *joe = find_entity(doc, AN_ENTITY_PERSON, "Joe Kovalenko");
    assert_non_null(joe);
    assert_int_equal(joe->n_mentions, 82);
    an_doc_free(doc);
}

/* A town the draft names as one ("the city of X", "in X, <state>") is no
 * person later, even before a speech verb; a name after "of" and a comma
 * stays a person. */
static void test_named_place_is_no_person(void **state)
{
    (void)state;
    an_doc *doc = analyze("A helicopter crashed in Zorbasas, California, on Sunday. Officials in "
                          "the city of Quelmont met. Later Zorbasas announced a vigil and Quelmont "
                          "said it would help. There are statues of Carl Vondrak, US presidents "
                          "and others. Vondrak said nothing.\n");
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Zorbasas"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Quelmont"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Carl Vondrak"));
    an_doc_free(doc);
}

/* An elided particle joined to a capitalized name is part of the name. */
static void test_elided_particle(void **state)
{
    (void)state;
    an_doc *doc = analyze("She studied under Prof. Patrizia d'Ettorre. President Val\xc3\xa9ry "
                          "Giscard d\xe2\x80\x99" "Estaing spoke. I d'you know.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Patrizia d'Ettorre"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Val\xc3\xa9ry Giscard d\xe2\x80\x99" "Estaing"));
    an_doc_free(doc);
}

/* A lowercase noun for a kind of organization names the one after it;
 * a mass or plural noun for people does not. */
static void test_org_noun_before_name(void **state)
{
    (void)state;
    an_doc *doc = analyze("Pawel Adamowicz was stabbed. Duda told local media Adamowicz's heart "
                          "was restarted. He spoke to French news channel BFM TV and to the "
                          "band Cream.\n");
    const an_entity *a = find_entity(doc, AN_ENTITY_PERSON, "Pawel Adamowicz");
    assert_non_null(a);
    assert_int_equal(a->n_mentions, 2);
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Adamowicz"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "BFM TV"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Cream"));
    an_doc_free(doc);
}

/* After "<person> of", a name is the person's organization; not a
 * place, a lone name without "the" (a town), a name with a given name
 * in it, or a name that qualifies the noun after it. */
static void test_affiliation_after_person(void **state)
{
    (void)state;
    an_doc *doc = analyze("Ann Chiang of DAB won, and Raymond Chan of People Power and Gary Fan "
                          "of the Neo Democrats lost. Mary Smith of Dallas voted. Montana "
                          "Secretary of State Corey Stapleton agreed. John Doe of the Hajo "
                          "assembly and Jane Roe of Springfield disagreed. Nick Rhodes of Duran "
                          "Duran sang.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "DAB"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "People Power"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Neo Democrats"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Dallas"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "State Corey Stapleton"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Hajo"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Springfield"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Corey Stapleton"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Duran Duran"));
    an_doc_free(doc);
}

/* A name before a noun for an organization's people is the
 * organization; a place, nationality or party adjective is not. */
static void test_org_before_staff_noun(void **state)
{
    (void)state;
    an_doc *doc = analyze("Scientology officials denied it. A Woolworths spokeswoman and "
                          "Chinese officials agreed, as did Republican officials, Texas "
                          "lawyers and Democratic members.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Scientology"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Woolworths"));
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 2);
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 0);
    an_doc_free(doc);
    doc = analyze("An interview with Quillvox founder Hugh Maddox. He launched Quillvox in "
                  "2005.\n");
    const an_entity *q = find_entity(doc, AN_ENTITY_ORGANIZATION, "Quillvox");
    assert_non_null(q);
    assert_int_equal(q->n_mentions, 2);
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Hugh Maddox"));
    an_doc_free(doc);
}

/* A possessive before a person's full name is that person's
 * organization, unless it is a place or the name is no person's. */
static void test_org_possessive_before_person(void **state)
{
    (void)state;
    an_doc *doc = analyze("Demosisto's Nathan Law won. Britain's Theresa May lost, and Mike "
                          "Pompeo defended Trump's America First policy.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Demosisto"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Nathan Law"));
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 1);
    an_doc_free(doc);
}

/* A name given to a kind of organization ("a group called", "a team
 * known as") is an organization; a person's kind ("a student named") is
 * not. */
static void test_org_called_named(void **state)
{
    (void)state;
    an_doc *doc = analyze("He joined the elite group within the church called the Sea Org. "
                          "They played for the national team, known as the Gliders. A "
                          "university student named Wong said so.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Sea Org"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Gliders"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Wong"));
    an_doc_free(doc);
}

/* A capitalized "The" inside a sentence opens the name of a
 * publication or group, even when its first word is a given name that
 * is also a place. */
static void test_capital_the(void **state)
{
    (void)state;
    an_doc *doc = analyze("He wrote for The Onion and told The Brooklyn Paper so, then met The "
                          "Ontario Ghostbusters.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Onion"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Brooklyn Paper"));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 0);
    an_doc_free(doc);
}

/* A name spelled with and without its diacritics is one entity (the
 * rules still report the two spellings). */
static void test_diacritics_one_person(void **state)
{
    (void)state;
    an_doc *doc = analyze("President Recep Tayyip Erdo\xC4\x9F" "an spoke. Erdogan said it again. "
                          "Jaros\xC5\x82" "aw Kaczy\xC5\x84" "ski and Jaroslaw Kaczynski agreed.\n");
    const an_entity *e = find_entity(doc, AN_ENTITY_PERSON, "Recep Tayyip Erdo\xC4\x9F" "an");
    assert_non_null(e);
    assert_true(has_mention(doc, e, "Erdogan", -1));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 2);
    an_doc_free(doc);
}

/* A storm's or ship's name is no person, in any of its forms, nor is
 * the bare name later; a person named like a later ship stays one. */
static void test_storm_names(void **state)
{
    (void)state;
    an_doc *doc = analyze("Hurricane Dorian hit the islands, said Prime Minister Hubert Minnis. "
                          "Tropical Storm Barry and Typhoon Phanfone followed. Later Phanfone "
                          "weakened.\n\nThe boy Alan Kurdi drowned. The charity named its ship MV "
                          "Alan Kurdi. The cargo ship Namse Bangdzod vanished; Namse Bangdzod "
                          "was last seen in the Java Sea.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Hubert Minnis"));
    const an_entity *boy = find_entity(doc, AN_ENTITY_PERSON, "Alan Kurdi");
    assert_non_null(boy);
    assert_int_equal(boy->n_mentions, 1); /* the ship is not the boy */
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 2);
    an_doc_free(doc);
}

/* ", the national meteorological service for Ireland,": an organization
 * by its appositive, and a later bare mention takes the same kind; "the
 * group of chemicals" and "the movement was able" are no appositives. */
static void test_org_by_appositive(void **state)
{
    (void)state;
    an_doc *doc = analyze("On Monday, Met Eireann, the national meteorological service for Ireland, "
                          "issued "
                          "warnings. The warning issued by Met Eireann applied to Galway. UpGuard, "
                          "a cybersecurity firm, found the leak. According to editor Keni Lesa, the "
                          "anti-vaccine movement was able to grow. ROS [Reactive Oxygen Species, the "
                          "group of chemicals] harm ants. Faithess Hijabi is an organisation "
                          "which helps women. Ann Lee is a member of the board.\n");
    const an_entity *met = find_entity(doc, AN_ENTITY_ORGANIZATION, "Met Eireann");
    assert_non_null(met);
    assert_int_equal(met->n_mentions, 2);
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "UpGuard"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Keni Lesa"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Reactive Oxygen Species"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Met Eireann"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Faithess Hijabi"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Ann Lee"));
    an_doc_free(doc);
}

/* "of the" and a country after an organization that names itself. */
static void test_org_country_tail(void **state)
{
    (void)state;
    an_doc *doc = analyze("Researchers at Colorado State University of the US and the University "
                          "of Sheffield of the UK joined staff of the University of the "
                          "Philippines.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Colorado State University"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "University of Sheffield"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "University of the Philippines"));
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 3);
    an_doc_free(doc);
}

static void test_acronym_definitions(void **state)
{
    (void)state;
    an_doc *doc = analyze(
        "The Iranians want action against the militant group Mujahedin Khalq, or MEK, which "
        "operates in Iraq. The Korean Central News Agency (KCNA) said the MEK was a threat, "
        "KCNA reported.\n");
    const an_entity *mek = find_entity(doc, AN_ENTITY_ORGANIZATION, "Mujahedin Khalq");
    assert_non_null(mek);
    assert_int_equal(mek->n_aliases, 1);
    assert_string_equal(mek->aliases[0].ptr, "MEK");
    assert_true(has_mention(doc, mek, "MEK", AN_MENTION_ACRONYM));
    const an_entity *k = find_entity(doc, AN_ENTITY_ORGANIZATION, "Korean Central News Agency");
    assert_non_null(k);
    assert_string_equal(k->aliases[0].ptr, "KCNA");
    assert_true(has_mention(doc, k, "KCNA", AN_MENTION_ACRONYM));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "MEK"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "KCNA"));
    an_doc_free(doc);
}

static void test_headline_and_sentence_starts(void **state)
{
    (void)state;
    an_doc *doc = analyze("Officials Say Storm Will Hit Coast Tonight\n\n"
                          "Tuesday, September 22, 2015\n\n"
                          "Officials said Tuesday that the storm would arrive. Even so, "
                          "Residents stayed. Both sides agreed.\n");
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 0);
    assert_int_equal(count_kind(doc, AN_ENTITY_ORGANIZATION), 0);
    an_doc_free(doc);
}

static void test_all_caps(void **state)
{
    (void)state;
    an_doc *doc = analyze("JOHN SMITH, a reporter, said the plan was NOT acceptable to "
                          "NASA or the FBI.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "JOHN SMITH"));
    assert_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "NOT"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "NOT"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "NASA"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "FBI"));
    an_doc_free(doc);
}

static void test_honorifics_uk_and_us(void **state)
{
    (void)state;
    an_doc *doc = analyze("Dr Jane Martisius spoke first. Mr. Toccafondi replied, and Dr "
                          "Martisius nodded.\n");
    const an_entity *j = find_entity(doc, AN_ENTITY_PERSON, "Jane Martisius");
    assert_non_null(j);
    assert_true(has_mention(doc, j, "Dr Martisius", AN_MENTION_HONORIFIC));
    const an_entity *t = find_entity(doc, AN_ENTITY_PERSON, "Toccafondi");
    assert_non_null(t);
    assert_true(has_mention(doc, t, "Mr. Toccafondi", AN_MENTION_HONORIFIC));
    an_doc_free(doc);
}

static void test_organizations(void **state)
{
    (void)state;
    an_doc *doc = analyze("Students at the University of Helsinki and the Iraqi Embassy in "
                          "Washington wrote to Reuters, the Church of Scientology and Apple "
                          "Inc. The Church did not reply.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "University of Helsinki"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Iraqi Embassy"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Reuters"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "Apple Inc."));
    const an_entity *c = find_entity(doc, AN_ENTITY_ORGANIZATION, "Church of Scientology");
    assert_non_null(c);
    assert_true(has_mention(doc, c, "Church", AN_MENTION_ALIAS));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Washington"));
    an_doc_free(doc);
}

static void test_east_asian_names(void **state)
{
    (void)state;
    an_doc *doc = analyze("Voters elected Leung Kwok-hung of the League and Kim Jong-un "
                          "watched.\n");
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Leung Kwok-hung"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Kim Jong-un"));
    an_doc_free(doc);
}

/* An appositive role runs to the end of the appositive; past the word
 * limit it stops before the first preposition, never inside a name; a
 * clause with an auxiliary verb is no appositive. */
static void test_appositive_titles(void **state)
{
    (void)state;
    an_doc *doc = analyze(
        "Jane Roe, a senior research analyst at the Center for Strategic and International "
        "Studies of the Johns Hopkins School of Advanced International Studies in Washington "
        "today, said no. According to Ann Reyes, a detective for the county office was told.\n");
    const an_entity *r = find_entity(doc, AN_ENTITY_PERSON, "Jane Roe");
    assert_non_null(r);
    assert_string_equal(r->title.ptr, "senior research analyst");
    const an_entity *a = find_entity(doc, AN_ENTITY_PERSON, "Ann Reyes");
    assert_non_null(a);
    assert_null(a->title.ptr);
    an_doc_free(doc);
}

static void test_titles_inside_names(void **state)
{
    (void)state;
    an_doc *doc = analyze("House of Commons Speaker John Bercow spoke. On Tuesday Mitsotakis said "
                          "no. Robert Gabriel Mugabe ruled, and Robert Mugabe left. Mugabe said "
                          "so. Professor David Livermore of the University of East Anglia agreed.\n");
    const an_entity *b = find_entity(doc, AN_ENTITY_PERSON, "John Bercow");
    assert_non_null(b);
    assert_string_equal(b->title.ptr, "Speaker");
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "House of Commons"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Mitsotakis"));
    const an_entity *m = find_entity(doc, AN_ENTITY_PERSON, "Robert Gabriel Mugabe");
    assert_non_null(m);
    assert_true(has_mention(doc, m, "Robert Mugabe", -1));
    assert_true(has_mention(doc, m, "Mugabe", AN_MENTION_SURNAME));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "Robert Mugabe"));
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "David Livermore"));
    assert_non_null(find_entity(doc, AN_ENTITY_ORGANIZATION, "University of East Anglia"));
    an_doc_free(doc);
}

static void test_crlf_and_markdown(void **state)
{
    (void)state;
    an_doc *doc = analyze("Iran Talks Resume In Baghdad\r\n\r\nSean McCormack said so.\r\n\r\n"
                          "McCormack left");
    const an_entity *e = find_entity(doc, AN_ENTITY_PERSON, "Sean McCormack");
    assert_non_null(e);
    assert_true(has_mention(doc, e, "McCormack", AN_MENTION_SURNAME));
    assert_int_equal(count_kind(doc, AN_ENTITY_PERSON), 1);
    an_doc_free(doc);
    an_options opt = an_options_default();
    opt.format = AN_FORMAT_MARKDOWN;
    const char *md = "# Briefing\n\nSean McCormack spoke.\n\n```\nDavid Satterfield\n```\n";
    doc = an_doc_new(md, strlen(md), &opt);
    assert_non_null(doc);
    assert_non_null(find_entity(doc, AN_ENTITY_PERSON, "Sean McCormack"));
    assert_null(find_entity(doc, AN_ENTITY_PERSON, "David Satterfield"));
    an_doc_free(doc);
}

static void test_degenerate_input(void **state)
{
    (void)state;
    static const char *const inputs[] = {"", "A", "\xFF\xFE Mr. \xC3", "Mr.", "(ABC", ", or",
                                         "\xE2\x80\x99s", "al-", "The The The"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        an_doc *doc = analyze(inputs[i]);
        an_doc_free(doc);
    }
}

/* The entity pass alone, on a hand-built document, for entities.h. */
static an_doc *entities_only(const char *text)
{
    an_doc *doc = calloc(1, sizeof *doc);
    assert_non_null(doc);
    doc->len = strlen(text);
    doc->text = an_arena_strndup(&doc->arena, text, doc->len);
    doc->prose = doc->text;
    an__entities_find(doc, NULL);
    return doc;
}

static void test_index_lookups(void **state)
{
    (void)state;
    const char *text = "\xE2\x80\x9CWe agree,\xE2\x80\x9D said Sean McCormack. "
                       "Patrick Clawson said no.";
    an_doc *doc = entities_only(text);
    an_entity_index idx = an__entities_index(doc);
    assert_int_equal(idx.n_named, 2);
    const char *sean = strstr(text, "Sean");
    const char *said2 = strstr(sean, "said");
    size_t said1 = (size_t)(strstr(text, "said") - text);
    int32_t m = an__entities_mention_at(&idx, (size_t)(sean - text) + 3);
    assert_int_equal(m, 0);
    assert_int_equal(an__entities_mention_at(&idx, said1), -1);
    assert_int_equal(an__entities_mention_after(&idx, said1 + 4, 1), 0);
    assert_int_equal(an__entities_mention_after(&idx, said1 + 3, 1), -1);
    assert_int_equal(an__entities_mention_before(&idx, (size_t)(said2 - text), 1), 1);
    assert_int_equal(an__entities_mention_before(&idx, (size_t)(said2 - text), SIZE_MAX), 1);
    assert_int_equal(an__entities_mention_before(&idx, said1, 1), -1);
    int32_t p = an__entities_add_mention(doc, 1, (an_span){0, 2}, AN_MENTION_PRONOUN);
    assert_int_equal(p, 2);
    assert_int_equal(an__entities_mention_at(&idx, 0), -1); /* appended after the index */
    an_doc_free(doc);
}

static void test_classify_and_gender(void **state)
{
    (void)state;
    const char *text = "Mr. Smith; Sean McCormack; State Department; Tehran; Iranian; Reuters; "
                       "Maria Lopez; the";
    an_doc *doc = entities_only(text);
#define SPAN(s) (size_t)(strstr(text, s) - text), (size_t)(strstr(text, s) - text) + strlen(s)
    assert_int_equal(an__entities_classify(doc, SPAN("Mr. Smith")), AN_ENTITY_PERSON);
    assert_int_equal(an__entities_classify(doc, SPAN("Sean McCormack")), AN_ENTITY_PERSON);
    assert_int_equal(an__entities_classify(doc, SPAN("State Department")), AN_ENTITY_ORGANIZATION);
    assert_int_equal(an__entities_classify(doc, SPAN("Tehran")), AN_ENTITY_PLACE);
    assert_int_equal(an__entities_classify(doc, SPAN("Iranian")), AN_ENTITY_PLACE);
    assert_int_equal(an__entities_classify(doc, SPAN("Reuters")), AN_ENTITY_ORGANIZATION);
    assert_int_equal(an__entities_classify(doc, SPAN("the")), -1);
#undef SPAN
    int32_t lopez = -1, sean = -1;
    for (size_t i = 0; i < doc->entities.len; i++) {
        if (strcmp(doc->entities.items[i].name.ptr, "Maria Lopez") == 0)
            lopez = (int32_t)i;
        if (strcmp(doc->entities.items[i].name.ptr, "Sean McCormack") == 0)
            sean = (int32_t)i;
    }
    assert_true(lopez >= 0 && sean >= 0);
    assert_int_equal(an__entities_gender(doc, (uint32_t)lopez), AN_GENDER_FEMALE);
    assert_int_equal(an__entities_gender(doc, (uint32_t)sean), AN_GENDER_MALE);
    int32_t added = an__entities_add(doc, AN_ENTITY_PERSON, (an_span){0, 9});
    assert_true(added >= 0);
    assert_string_equal(doc->entities.items[added].name.ptr, "Mr. Smith");
    an_doc_free(doc);
}

static void test_lexicon(void **state)
{
    (void)state;
    assert_true(an_lex_lookup("Sean", 4) & AN_LEX_FIRST);
    assert_true(an_lex_lookup("Sean", 4) & AN_LEX_MALE);
    assert_true(an_lex_lookup("IRAN", 4) & AN_LEX_PLACE);
    assert_true(an_lex_lookup("united  nations", 15) & AN_LEX_ORG);
    assert_true(an_lex_lookup("Ministry", 8) & AN_LEX_ORG_HEAD);
    assert_true(an_lex_lookup("said", 4) & AN_LEX_SPEECH);
    assert_int_equal(an_lex_lookup("Xqzzyv", 6), 0);
    assert_int_equal(an_lex_lookup("", 0), 0);
}

/* an_lex_key_from, where an_lex_lookup's plain-word pass hands over: the
 * key and hash it goes on to make are those of the key made at once. */
static void test_lexicon_key_from(void **state)
{
    (void)state;
    static const char *const texts[] = {"United  Nations", "united nations \t", "O\xE2\x80\x99Neill",
                                        "  Foreign\nMinister", "a\xE2\x80", "AB\0cd", ""};
    static const size_t lens[] = {15, 16, 9, 19, 3, 6, 0};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        char whole[AN_LEX_MAX_KEY], part[AN_LEX_MAX_KEY];
        size_t n = an_lex_key(texts[t], lens[t], whole);
        for (size_t i = 0; i <= lens[t]; i++) {
            /* the plain-word pass: ASCII lowered, up to the first space */
            size_t k = 0;
            while (k < i && texts[t][k] != ' ' && texts[t][k] != '\t' && texts[t][k] != '\n' &&
                   (unsigned char)texts[t][k] != 0xE2)
                k++;
            for (size_t j = 0; j < k; j++)
                part[j] = (char)tolower((unsigned char)texts[t][j]);
            uint32_t h = an_lex_hash(part, k);
            assert_int_equal(an_lex_key_from(texts[t], lens[t], k, part, k, &h), n);
            assert_memory_equal(part, whole, n);
            if (n > 0)
                assert_int_equal(h, an_lex_hash(whole, n));
        }
    }
    /* Longer than a key, but whitespace runs make it fit. */
    char spaced[AN_LEX_MAX_KEY + 40];
    memset(spaced, ' ', sizeof spaced);
    memcpy(spaced + 30, "United", 6);
    memcpy(spaced + 60, "Nations", 7);
    assert_true(an_lex_lookup(spaced, sizeof spaced) & AN_LEX_ORG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_sentences),
        cmocka_unit_test(test_particles_and_diacritics),
        cmocka_unit_test(test_possessives),
        cmocka_unit_test(test_calendar_surnames),
        cmocka_unit_test(test_titled_surname_and_full_name),
        cmocka_unit_test(test_org_noun_before_name),
        cmocka_unit_test(test_storm_names),
        cmocka_unit_test(test_org_by_appositive),
        cmocka_unit_test(test_org_country_tail),
        cmocka_unit_test(test_acronym_definitions),
        cmocka_unit_test(test_headline_and_sentence_starts),
        cmocka_unit_test(test_all_caps),
        cmocka_unit_test(test_honorifics_uk_and_us),
        cmocka_unit_test(test_organizations),
        cmocka_unit_test(test_east_asian_names),
        cmocka_unit_test(test_titles_inside_names),
        cmocka_unit_test(test_appositive_titles),
        cmocka_unit_test(test_crlf_and_markdown),
        cmocka_unit_test(test_degenerate_input),
        cmocka_unit_test(test_index_lookups),
        cmocka_unit_test(test_classify_and_gender),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_affiliation_after_person),
        cmocka_unit_test(test_org_before_staff_noun),
        cmocka_unit_test(test_org_possessive_before_person),
        cmocka_unit_test(test_org_called_named),
        cmocka_unit_test(test_capital_the),
        cmocka_unit_test(test_given_name_after_role_noun),
        cmocka_unit_test(test_post_nominal_letters),
        cmocka_unit_test(test_org_head_then_place),
        cmocka_unit_test(test_shared_surname_is_the_first_introduced),
        cmocka_unit_test(test_org_then_office),
        cmocka_unit_test(test_compass_surname),
        cmocka_unit_test(test_org_nouns_and_modifiers),
        cmocka_unit_test(test_org_first_word_of_guessed_person),
        cmocka_unit_test(test_org_list_after_plural_noun),
        cmocka_unit_test(test_elided_particle),
        cmocka_unit_test(test_named_place_is_no_person),
        cmocka_unit_test(test_pronoun_takes_up_one_word_name),
        cmocka_unit_test(test_shared_surname_far_from_full_names),
        cmocka_unit_test(test_diacritics_one_person),
        cmocka_unit_test(test_lexicon_key_from),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
