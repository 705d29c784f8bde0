/* fuzz_analysis.c - the analysis on arbitrary bytes: plain text with the
 * default rules, and Markdown with every rule on and newsroom lists set.
 * Seeds are news articles, so libFuzzer also explores mutated news text.
 * Each model must satisfy the invariants of analysis.h (fuzz_model.c). */
#include <stddef.h>
#include <stdint.h>

#include "analysis/analysis.h"
#include "fuzz_model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_analysis__run(const uint8_t *data, size_t size, const an_options *opt)
{
    an_doc *doc = an_doc_new((const char *)data, size, opt);
    FUZZ_CHECK(doc != NULL);
    fuzz_model_check(doc);
    an_doc_free(doc);
}

/* Markdown, every rule at least a hint, house spellings and acronyms set:
 * the rules and the lists see the input too. */
static an_options fuzz_analysis__markdown_options(void)
{
    static const an_str house[] = {{"Mahmoud Ahmadinejad", 19}, {"Nouri al-Maliki", 15}, {"Zo\xc3\xab", 4}};
    static const an_str acronyms[] = {{"NATO", 4}, {"MEK", 3}};
    an_options opt = an_options_default();
    opt.format = AN_FORMAT_MARKDOWN;
    for (int r = 0; r < AN_RULE_COUNT; r++)
        if (opt.severity[r] == AN_SEV_OFF)
            opt.severity[r] = AN_SEV_HINT;
    opt.house_names = house;
    opt.n_house_names = sizeof house / sizeof *house;
    opt.allowed_acronyms = acronyms;
    opt.n_allowed_acronyms = sizeof acronyms / sizeof *acronyms;
    return opt;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    an_options plain = an_options_default();
    an_options markdown = fuzz_analysis__markdown_options();
    fuzz_analysis__run(data, size, &plain);
    fuzz_analysis__run(data, size, &markdown);
    return 0;
}
