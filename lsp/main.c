/* main.c - `byline`: dispatches to the subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lsp.h"

#ifndef BYLINE_VERSION
#define BYLINE_VERSION "0.0.0"
#endif

static const char main__usage[] =
    "usage: byline COMMAND [ARGS]\n"
    "\n"
    "Byline reads news drafts and reports the people, organizations and\n"
    "quotes in them: who is quoted, which quote has no speaker, which name is\n"
    "spelled two ways.\n"
    "\n"
    "Commands:\n"
    "  analyze FILE|-      print the analysis model as JSON (docs/analysis-json.md)\n"
    "  check FILE...|-     check drafts against the newsroom rules (byline check --help)\n"
    "  lsp [--stdio]       run the language server on stdin/stdout (docs/lsp.md)\n"
    "  --stdio             the same, as editors start it\n"
    "  --version           print the version\n"
    "  --help              print this help\n";

typedef struct main_command {
    const char *name;
    int (*run)(int argc, char **argv);
} main_command;

static const main_command main__commands[] = {
    {"analyze", cli_analyze_main},
    {"check", cli_check_main},
    {"lsp", lsp_main},
    {"--stdio", lsp_main},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(main__usage, stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        fputs(main__usage, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("byline %s\n", BYLINE_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof main__commands / sizeof *main__commands; i++)
        if (strcmp(argv[1], main__commands[i].name) == 0)
            return main__commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "byline: unknown command '%s' (try 'byline --help')\n", argv[1]);
    return 2;
}
