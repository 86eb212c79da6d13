using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Ariane.Web.Infrastructure;

/// <summary>Model-binding errors (a date or a number that cannot be read) in French.</summary>
public static class FrenchBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide pour « {field} ».");
        provider.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        provider.SetValueMustBeANumberAccessor(field => $"« {field} » doit être un nombre.");
        provider.SetValueMustNotBeNullAccessor(field => $"« {field} » est obligatoire.");
        provider.SetMissingBindRequiredValueAccessor(field => $"« {field} » est obligatoire.");
        provider.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        provider.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la requête est vide.");
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        provider.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        provider.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie pour « {field} » n'est pas valide.");
    }
}
