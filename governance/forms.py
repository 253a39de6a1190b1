from django import forms

from governance.choices import ORGANISATION_ROLES, Role

ROLE_CHOICES = [(role.value, f"{role.label} — {role.description}") for role in ORGANISATION_ROLES]


class MembershipAddForm(forms.Form):
    email = forms.EmailField(label="E-mail address", help_text="Their work address; they sign in with it.")
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    role = forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect)

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect)

    def clean_role(self) -> Role:
        return Role(self.cleaned_data["role"])
