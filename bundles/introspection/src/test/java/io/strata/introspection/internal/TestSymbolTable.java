package io.strata.introspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestSymbolTable {
    @Test
    void testAFrameKeepsItsAddress() {
        SymbolTable table = new SymbolTable(10);
        long first = table.address("a.B.c", 12);
        long other = table.address("a.B.c", 13);
        assertThat(table.address("a.B.c", 12)).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).isEqualTo(SymbolTable.BASE);
        assertThat(table.limit()).isGreaterThan(other);
        assertThat(table.symbol(other)).contains("a.B.c");
    }

    @Test
    void testTheTableIsBoundedAndNeverReusesAddresses() {
        SymbolTable table = new SymbolTable(2);
        long a = table.address("a", 1);
        long b = table.address("b", 1);
        table.address("a", 1); // a is now the most recently used
        long c = table.address("c", 1);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.symbol(b)).isEmpty();
        assertThat(table.symbol(a)).contains("a");
        assertThat(table.symbol(c)).contains("c");
        long again = table.address("b", 1);
        assertThat(again).isNotIn(a, b, c);
    }

    @Test
    void testCountIsWhatPprofReadsBeforeSymbolizing() {
        SymbolTable table = new SymbolTable(10);
        assertThat(table.count()).isEqualTo("num_symbols: 0\n");
        table.address("x", 0);
        assertThat(table.count()).isEqualTo("num_symbols: 1\n");
    }

    @Test
    void testLookupAnswersOneLinePerAddress() {
        SymbolTable table = new SymbolTable(10);
        long address = table.address("io.strata.Foo.bar", 7);
        String hex = "0x" + Long.toHexString(address);
        assertThat(table.lookup(hex + "+0xdead"))
                .isEqualTo(String.format("0x%08x\tio.strata.Foo.bar\n0x0000dead\t0x0000dead\n", address));
        assertThat(table.lookup("\"" + hex + "\"\n")).startsWith(String.format("0x%08x\tio.strata.Foo.bar", address));
        assertThat(table.lookup("")).isEmpty();
    }

    @Test
    void testLookupRefusesWhatIsNotAnAddress() {
        assertThatThrownBy(() -> new SymbolTable(10).lookup("0x10+main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'main' is not a hexadecimal address");
    }
}
