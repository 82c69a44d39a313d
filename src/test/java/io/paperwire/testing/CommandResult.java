package io.paperwire.testing;

import io.paperwire.Paperwire;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one {@code paperwire …} invocation printed and returned. */
public record CommandResult(int exitCode, String out, String err) {

    public static CommandResult paperwire(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Paperwire.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandResult(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
