using System.ComponentModel.DataAnnotations;
using Ariane.Core.Audit;
using Ariane.Persistence.Identity;
using Ariane.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ariane.Web.Features.Account;

[NoChildData]
[AllowedBeforeEnrolment]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuthAudit audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
    [DataType(DataType.Password)]
    [StringLength(256)]
    [Display(Name = "Mot de passe actuel")]
    public string? OldPassword { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [StringLength(256)]
    [Display(Name = "Nouveau mot de passe", Description = "Au moins 12 caractères, avec majuscule, minuscule, chiffre et caractère spécial.")]
    public string? NewPassword { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux saisies ne correspondent pas.")]
    [Display(Name = "Confirmation du nouveau mot de passe")]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, OldPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(OldPassword) : nameof(NewPassword), error.Description);
            }

            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditEventType.PasswordChanged, user);
        TempData["Message"] = "Mot de passe changé.";
        return RedirectToPage("Security");
    }
}
