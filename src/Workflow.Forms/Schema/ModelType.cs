namespace Workflow.Forms.Schema;

/// <summary>How a component stores its value, as @formio/core's getModelType decides it.</summary>
public enum ModelType
{
    Any,
    String,
    Number,
    Boolean,
    /// <summary>Layout only: the children write into the parent's data.</summary>
    None,
    /// <summary>Static content (html, content): no value.</summary>
    Content,
    /// <summary>An object whose keys are the children's (container).</summary>
    Object,
    /// <summary>An array of row objects (datagrid, editgrid).</summary>
    NestedArray,
    /// <summary>An array of items whose children's values are under each item's "data" (tagpad).</summary>
    NestedDataArray,
    /// <summary>An object whose children's values are under its "data" (nested form: form.data.name).</summary>
    DataObject,
    /// <summary>An object of free keys (datamap).</summary>
    Map,
}
