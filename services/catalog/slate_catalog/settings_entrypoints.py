"""The catalog's entrypoints for a production's settings and planning: metadata
descriptors, milestones, status automations, budgets and project templates."""
from slate_common.nameko_support import rpc
from slate_common.replies import ok, params, query

from slate_catalog import budgets, descriptors, descriptors_all, planning, templates


class SettingsEntrypoints:
    """Mixed into CatalogService, which provides db and caller."""

    # -- production settings and planning (descriptors, milestones, automations, budgets,
    #    templates) --------------------------------------------------------------------
    @rpc
    def project_descriptors(self, request):
        return ok(descriptors.project_descriptors(self.db, self.caller,
                                                  params(request)["project_id"]))

    @rpc
    def new_project_descriptor(self, request):
        return ok(descriptors.create_project_descriptor(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def project_descriptor(self, request):
        where = params(request)
        return ok(descriptors.get_project_descriptor(
            self.db, self.caller, where["project_id"], where["metadata_descriptor_id"]))

    @rpc
    def update_project_descriptor(self, request):
        where = params(request)
        return ok(descriptors.update_project_descriptor(
            self.db, self.caller, where["project_id"], where["metadata_descriptor_id"],
            request.get("body")))

    @rpc
    def delete_project_descriptor(self, request):
        where = params(request)
        descriptors.delete_project_descriptor(self.db, self.caller, where["project_id"],
                                              where["metadata_descriptor_id"])
        return ok(None, 204)

    @rpc
    def reorder_project_descriptors(self, request):
        return ok(descriptors.reorder_project_descriptors(
            self.db, self.caller, params(request)["project_id"], request.get("body")))

    @rpc
    def new_descriptor_on_all(self, request):
        return ok(descriptors_all.create_on_all(self.db, self.caller,
                                                request.get("body")), 201)

    @rpc
    def update_descriptor_on_all(self, request):
        return ok(descriptors_all.update_on_all(
            self.db, self.caller, params(request)["field_name"], request.get("body")))

    @rpc
    def delete_descriptor_on_all(self, request):
        return ok(descriptors_all.delete_on_all(
            self.db, self.caller, params(request)["field_name"], query(request)))

    @rpc
    def reorder_descriptors_on_all(self, request):
        return ok(descriptors_all.reorder_on_all(self.db, self.caller, request.get("body")))

    @rpc
    def project_milestones(self, request):
        return ok(planning.project_milestones(self.db, self.caller,
                                              params(request)["project_id"]))

    @rpc
    def project_status_automations(self, request):
        return ok(planning.project_status_automations(self.db, self.caller,
                                                      params(request)["project_id"]))

    @rpc
    def add_status_automation_setting(self, request):
        return ok(planning.add_status_automation(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def remove_status_automation_setting(self, request):
        where = params(request)
        planning.remove_status_automation(self.db, self.caller, where["project_id"],
                                          where["status_automation_id"])
        return ok(None, 204)

    @rpc
    def project_budgets(self, request):
        return ok(budgets.project_budgets(self.db, self.caller,
                                          params(request)["project_id"]))

    @rpc
    def new_budget(self, request):
        return ok(budgets.create_budget(self.db, self.caller, params(request)["project_id"],
                                        request.get("body")))

    @rpc
    def budget(self, request):
        where = params(request)
        return ok(budgets.get_budget(self.db, self.caller, where["project_id"],
                                     where["budget_id"]))

    @rpc
    def update_budget(self, request):
        where = params(request)
        return ok(budgets.update_budget(self.db, self.caller, where["project_id"],
                                        where["budget_id"], request.get("body")))

    @rpc
    def delete_budget(self, request):
        where = params(request)
        budgets.delete_budget(self.db, self.caller, where["project_id"], where["budget_id"])
        return ok(None, 204)

    @rpc
    def budget_entries(self, request):
        where = params(request)
        return ok(budgets.budget_entries(self.db, self.caller, where["project_id"],
                                         where["budget_id"]))

    @rpc
    def new_budget_entry(self, request):
        where = params(request)
        return ok(budgets.create_entry(self.db, self.caller, where["project_id"],
                                       where["budget_id"], request.get("body")))

    @rpc
    def budget_entry(self, request):
        where = params(request)
        return ok(budgets.get_entry(self.db, self.caller, where["project_id"],
                                    where["budget_id"], where["entry_id"]))

    @rpc
    def update_budget_entry(self, request):
        where = params(request)
        return ok(budgets.update_entry(self.db, self.caller, where["project_id"],
                                       where["budget_id"], where["entry_id"],
                                       request.get("body")))

    @rpc
    def delete_budget_entry(self, request):
        where = params(request)
        budgets.delete_entry(self.db, self.caller, where["project_id"], where["budget_id"],
                             where["entry_id"])
        return ok(None, 204)

    @rpc
    def template_from_project(self, request):
        return ok(templates.template_from_project(
            self.db, self.caller, params(request)["project_id"], request.get("body")), 201)

    @rpc
    def apply_template(self, request):
        where = params(request)
        return ok(templates.apply_template(self.db, self.caller, where["project_id"],
                                           where["project_template_id"]))

    @rpc
    def template_asset_types(self, request):
        return ok(templates.template_asset_types(
            self.db, self.caller, params(request)["project_template_id"]))

    @rpc
    def add_template_asset_type(self, request):
        return ok(templates.add_template_asset_type(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")), 201)

    @rpc
    def remove_template_asset_type(self, request):
        where = params(request)
        templates.remove_template_asset_type(self.db, self.caller,
                                             where["project_template_id"],
                                             where["asset_type_id"])
        return ok(None, 204)

    @rpc
    def template_status_automations(self, request):
        return ok(templates.template_status_automations(
            self.db, self.caller, params(request)["project_template_id"]))

    @rpc
    def add_template_status_automation(self, request):
        return ok(templates.add_template_status_automation(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")), 201)

    @rpc
    def remove_template_status_automation(self, request):
        where = params(request)
        templates.remove_template_status_automation(self.db, self.caller,
                                                    where["project_template_id"],
                                                    where["status_automation_id"])
        return ok(None, 204)

    @rpc
    def set_template_descriptors(self, request):
        return ok(templates.set_template_descriptors(
            self.db, self.caller, params(request)["project_template_id"],
            request.get("body")))
