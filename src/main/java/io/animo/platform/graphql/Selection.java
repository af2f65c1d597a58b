package io.animo.platform.graphql;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.graphql.api.Context;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * What the client selected under the field being resolved: work for a field nobody asked for can be skipped.
 * It reads the operation's own syntax tree (fragments followed, type conditions and {@code @skip}/{@code @include}
 * not evaluated), so it may say yes for a field that will not be answered, never no for one that will.
 * graphql-java's selection set answers exactly but first resolves every field under this one, with its types and
 * arguments: a twentieth of the CPU of a page of communities, to learn whether {@code totalCount} was asked for.
 */
public final class Selection {

    private final DataFetchingEnvironment environment;

    private Selection(DataFetchingEnvironment environment) {
        this.environment = environment;
    }

    /** The selection of the field that {@code context} (SmallRye's, injected in the resolver's class) is resolving. */
    public static Selection of(Context context) {
        return new Selection(context.unwrap(DataFetchingEnvironment.class));
    }

    /** Whether {@code path} (a field such as {@code totalCount}, or fields below it: {@code edges/node/name}) is selected. */
    public boolean has(String path) {
        if (environment == null) {
            return true;
        }
        List<Field> level = environment.getMergedField().getFields();
        for (String name : path.split("/")) {
            List<Field> below = new ArrayList<>();
            for (Field field : level) {
                collect(field.getSelectionSet(), name, below);
            }
            if (below.isEmpty()) {
                return false;
            }
            level = below;
        }
        return true;
    }

    /** The fields called {@code name} in {@code selections}, through inline fragments and named ones. */
    private void collect(SelectionSet selections, String name, List<Field> found) {
        if (selections == null) {
            return;
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getName().equals(name)) {
                    found.add(field);
                }
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), name, found);
            } else if (selection instanceof FragmentSpread spread) {
                // validation has refused unknown fragments and cycles before any resolver runs
                FragmentDefinition fragment = environment.getFragmentsByName().get(spread.getName());
                if (fragment != null) {
                    collect(fragment.getSelectionSet(), name, found);
                }
            }
        }
    }
}
