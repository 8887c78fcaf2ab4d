package org.evalbook.check;

import java.math.BigDecimal;
import java.util.List;

/** What a rate formula gave: a ratio (rounded to 4 decimals), 0/0, x/0, or blank inputs. */
sealed interface Rate {

    record Value(BigDecimal ratio, String working) implements Rate {
    }

    record ZeroOverZero(String working) implements Rate {
    }

    record XOverZero(String working) implements Rate {
    }

    record Missing(List<String> blanks) implements Rate {
        public Missing {
            blanks = List.copyOf(blanks);
        }
    }
}
