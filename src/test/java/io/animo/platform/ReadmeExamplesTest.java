package io.animo.platform;

import static io.animo.support.GraphQL.raw;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every GraphQL example of the README is valid against the schema: it parses and names only fields,
 * arguments and types that exist (placeholder ids may then find nothing, which is fine).
 */
@QuarkusTest
class ReadmeExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern OPERATION_START = Pattern.compile("(?m)^(?=(query|mutation)\\b)");

    @Test
    void everyQueryAndMutationOfTheReadmeIsValid() throws IOException {
        List<String> operations = operations(Files.readString(Path.of("README.md")));
        assertFalse(operations.isEmpty(), "the README has GraphQL examples");
        String token = Tokens.of(Tokens.ACME, "admin");
        for (String operation : operations) {
            List<Map<String, Object>> errors = raw(token, operation, Map.of()).then().statusCode(200)
                    .extract().path("errors");
            boolean invalid = errors != null && errors.stream().anyMatch(ReadmeExamplesTest::isValidationError);
            assertTrue(!invalid, "README example is not valid: " + operation + "\n" + errors);
        }
    }

    private static boolean isValidationError(Map<String, Object> error) {
        Object extensions = error.get("extensions");
        Object classification = extensions instanceof Map<?, ?> map ? map.get("classification") : null;
        return "ValidationError".equals(classification) || "InvalidSyntax".equals(classification);
    }

    /** The queries and mutations of the README's graphql blocks, one per request (subscriptions need a socket). */
    private static List<String> operations(String readme) {
        List<String> operations = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            for (String part : OPERATION_START.split(block.group(1))) {
                if (part.startsWith("query") || part.startsWith("mutation")) {
                    operations.add(part.strip());
                }
            }
        }
        return operations;
    }
}
