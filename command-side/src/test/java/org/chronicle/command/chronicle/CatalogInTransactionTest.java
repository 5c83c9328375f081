package org.chronicle.command.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's transaction checks a chronicle's definition once for all its rows: a later read in
 * the same transaction answers from what it checked, a definition written in it is read afresh,
 * and the next transaction asks the database again.
 */
@ServiceTest
class CatalogInTransactionTest {

    @Autowired
    JdbcChronicleCatalog catalog;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionChecksTheDefinitionOnceAndSeesItsOwnWrites() {
        String id = "catalog-in-transaction";
        catalog.define(id, definition("first"), 1);
        transactions.executeWithoutResult(tx -> {
            assertThat(catalog.definition(id)).map(ChronicleDefinition::name).contains("first");
            // As if another process amended it meanwhile: this transaction keeps what it checked.
            jdbc.update("UPDATE chronicle_catalog SET definition = REPLACE(definition, '\"first\"', '\"elsewhere\"'),"
                    + " version = 2 WHERE chronicle_id = ?", id);
            assertThat(catalog.definition(id)).map(ChronicleDefinition::name).contains("first");
            catalog.define(id, definition("second"), 3);
            assertThat(catalog.definition(id)).map(ChronicleDefinition::name).contains("second");
        });
        assertThat(catalog.definition(id)).map(ChronicleDefinition::name).contains("second");
        jdbc.update("UPDATE chronicle_catalog SET definition = REPLACE(definition, '\"second\"', '\"third\"'),"
                + " version = 4 WHERE chronicle_id = ?", id);
        transactions.executeWithoutResult(tx ->
                assertThat(catalog.definition(id)).map(ChronicleDefinition::name).contains("third"));
        assertThat(catalog.definition("no-such-chronicle")).isEmpty();
    }

    private static ChronicleDefinition definition(String name) {
        ChronicleDefinition rastan = Definitions.rastan();
        return new ChronicleDefinition(name, rastan.place(), rastan.period(), rastan.sides(), rastan.areas(),
                rastan.initialControl());
    }
}
