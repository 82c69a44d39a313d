package io.paperwire.render;

/** A template that cannot be loaded or rendered; the message names the template, line, column and expression. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
