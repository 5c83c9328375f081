package org.chronicle.command.chronicle;

/** What a PUT of a definition did: created the chronicle, amended it, or found it already so. */
enum DefinitionOutcome {
    CREATED, AMENDED, UNCHANGED
}
